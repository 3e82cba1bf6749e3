"""The local store: SQLAlchemy models, the data file, the unit of work and the UI's queries."""
