import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from aims.packs.signing import fingerprint, installation_key, load_or_create_key


def test_the_key_is_made_on_first_use_readable_by_its_owner_only(signing_key):
    assert not signing_key.exists()
    key = installation_key()
    assert stat.S_IMODE(signing_key.stat().st_mode) == 0o600
    assert fingerprint(installation_key()) == fingerprint(key)
    assert list(signing_key.parent.iterdir()) == [signing_key]


def test_the_fingerprint_is_the_sha256_of_the_raw_key_in_groups_of_four(signing_key):
    groups = fingerprint(installation_key()).split(" ")
    assert len(groups) == 16
    assert all(len(group) == 4 and int(group, 16) >= 0 for group in groups)


def test_a_file_that_is_not_an_ed25519_key_is_refused(tmp_path):
    path = tmp_path / "key.pem"
    path.write_text("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
    with pytest.raises(ImproperlyConfigured):
        load_or_create_key(path)
