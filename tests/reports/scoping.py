"""The reports URLs take the unit and period as query parameters, not path arguments; none needs a
factory. Their scoping (an outsider asking for a unit outside their subtree gets 404) is tested in
test_views.py."""

URL_FACTORIES: dict = {}
