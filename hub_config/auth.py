"""Demo-mode login: checks generated passwords against the scrypt hashes in ``accounts.json``.

The store is read on every login, so accounts created with ``schuelerlab class create`` can log in
without a hub restart. Only names in the store are allowed.
"""

from __future__ import annotations

from pathlib import Path

from jupyterhub.auth import Authenticator, PAMAuthenticator
from schuelerlab.hub.accounts import load_store
from schuelerlab.hub.passwords import verify_password
from traitlets import HasTraits, Unicode


class StoreMembersAllowed(HasTraits):
    """Allowed are the configured users plus everybody in the account store (read per check)."""

    accounts_file = Unicode("", config=True, help="Path of accounts.json.")

    def _store(self):
        return load_store(Path(self.accounts_file))

    def check_allowed(self, username, authentication=None):
        """Configured users, or a name in the store (classes created while the hub runs)."""
        if super().check_allowed(username, authentication):
            return True
        return bool(self.accounts_file) and username in self._store().users


class StoreAuthenticator(StoreMembersAllowed, Authenticator):
    """Demo mode: authenticate against the hashed passwords of the schuelerlab account store."""

    async def authenticate(self, handler, data):
        """Return the username if the password matches its stored hash, else ``None``."""
        name = self.normalize_username((data or {}).get("username", ""))
        account = self._store().users.get(name)
        if account is None or not verify_password((data or {}).get("password", ""), account.hash):
            self.log.warning("Anmeldung fehlgeschlagen für %r", name)
            return None
        return name


class LabAuthenticator(StoreMembersAllowed, PAMAuthenticator):
    """Lab mode: Unix passwords through PAM; allowed are configured users and store members."""
