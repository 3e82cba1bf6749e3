"""Use cases: what a desk does, each in one unit of work, returning what it read or changed."""
