"""A live field day for a trial or the demo: technicians, customers and the order system simulated
against a centre (`day.FieldDay` over a `port.FieldPort`: the centre's HTTP API or a desk's own file)."""
