def _history_of_area(tree, user):
    return {"app_label": "units", "model_name": "area", "pk": tree.quang_lam.pk}


URL_FACTORIES = {
    "history": _history_of_area,
}
