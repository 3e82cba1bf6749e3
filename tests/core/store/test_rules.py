from console.core.domain.sla import SlaParameters
from console.core.store.rules import DEFAULT_PARAMETERS, load_rulebook


def test_the_seeded_sla_parameters_are_the_domain_defaults(demo_db) -> None:
    defaults = SlaParameters()
    assert DEFAULT_PARAMETERS["sla.band.amber_from"][0] == "0.5" and DEFAULT_PARAMETERS["sla.band.red_from"][0] == "0.8"
    assert DEFAULT_PARAMETERS["sla.pause.approval_after_hours"][0] == 24
    with demo_db.reading() as s:
        assert load_rulebook(s).parameters == defaults
