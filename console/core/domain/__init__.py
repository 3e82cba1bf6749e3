"""The rules of enterprise-line dispatch in plain Python: no Qt, no SQL."""
