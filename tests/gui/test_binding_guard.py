"""Digit Lab refuses, with the fix in the message, a Qt binding known to crash it."""

from desktop_app.gui import binding_problem


def test_the_crashing_binding_is_named_with_its_fix():
    message = binding_problem("6.12.0", (3, 11))
    assert "6.12.0" in message and "pip install" in message


def test_other_versions_and_immortal_none_pythons_are_fine():
    assert binding_problem("6.11.3", (3, 11)) is None
    assert binding_problem("6.12.0", (3, 12)) is None
