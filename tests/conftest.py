import pytest


@pytest.fixture
def home_page(db):
    from tests.factories import make_home_page

    return make_home_page()
