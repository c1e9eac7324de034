URL_FACTORIES = {
    "units:area_detail": lambda tree, user: {"pk": tree.quang_lam.pk},
}
