"""The benchmark organisation's Statement of Applicability: every control decided and version 1 approved."""

from aims.controls.bench import seed_bench
from aims.controls.models import Control, Decision, SoAVersion


def test_every_control_is_decided_and_a_version_is_approved_once(personas, catalog):
    seed_bench(personas.org, own_controls=4)
    controls = Control.objects.filter(organization=personas.org)
    assert controls.count() == 38 + 4
    assert not controls.filter(decision=Decision.UNDECIDED).exists()
    assert controls.filter(decision=Decision.EXCLUDED).exclude(exclusion_justification="").count() == 4
    [version] = SoAVersion.objects.filter(organization=personas.org)
    assert version.number == 1
    assert len(version.snapshot["controls"]) == 42
    seed_bench(personas.org, own_controls=4)
    assert SoAVersion.objects.filter(organization=personas.org).count() == 1
    assert Control.objects.filter(organization=personas.org).count() == 42
