"""The desk's password for the centre, kept in the operating system's keyring (Windows Credential
Manager, the Secret Service on Linux, the macOS keychain) and never in a file. Without a usable
keyring the console asks at each start."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError

log = logging.getLogger("console.sync")


def _service(central_url: str) -> str:
    return f"Dispatch Console {central_url.rstrip('/')}"


def available() -> bool:
    """Whether a real keyring is there (not keyring's refusing fallback)."""
    try:
        return keyring.get_keyring().priority > 0
    except (KeyringError, RuntimeError):
        return False


def saved_password(central_url: str, username: str) -> str | None:
    if not username or not available():
        return None
    try:
        return keyring.get_password(_service(central_url), username)
    except (KeyringError, RuntimeError) as exc:
        log.warning("the keyring could not be read: %s", exc)
        return None


def remember(central_url: str, username: str, password: str) -> bool:
    try:
        keyring.set_password(_service(central_url), username, password)
        return True
    except (KeyringError, RuntimeError) as exc:
        log.warning("the password could not be kept in the keyring: %s", exc)
        return False


def forget(central_url: str, username: str) -> None:
    try:
        keyring.delete_password(_service(central_url), username)
    except (KeyringError, RuntimeError):
        pass
