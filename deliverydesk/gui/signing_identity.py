"""Whose signature the window puts on issued PDFs: the company's PKCS#12 certificate chosen in
Settings (kept per computer in the UI state file: the .p12 file lives on this computer, while the
database travels), with its password asked once per session and kept only in memory; without one,
this database's own seal (``services.documents.seal``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.context import ServiceContext

CERTIFICATE_KEY = "signing/certificate"
_PASSWORDS: dict[str, bytes] = {}  # this session only: never written anywhere


def certificate_path(env: GuiEnv) -> str:
    return env.ui_state.value(CERTIFICATE_KEY)


def signing_context(env: GuiEnv, parent: QWidget) -> ServiceContext | None:
    """``env.ctx`` signing with the company certificate when one is set (asking its password the first
    time in this session); None when the user cancelled the password question."""
    path = certificate_path(env)
    if not path:
        return env.ctx
    password = _PASSWORDS.get(path)
    if password is None:
        title = QCoreApplication.translate("SigningIdentity", "Signing certificate")
        label = QCoreApplication.translate(
            "SigningIdentity", "Password of the signing certificate %1 (asked once per session):"
        )
        label = label.replace("%1", Path(path).name)
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        if not ok:
            return None
        password = text.encode("utf-8")
        _PASSWORDS[path] = password
    seal = replace(env.ctx.seal, company_certificate=Path(path), company_password=password)
    return replace(env.ctx, seal=seal)


def forget_password(env: GuiEnv) -> None:
    """After a refusal (a wrong password): ask again next time."""
    _PASSWORDS.pop(certificate_path(env), None)
