"""The shared core both sides run: rules, planning, models and queries, services, the sync wire format, the demo centre.

It imports neither the desk (Qt, the sync client, start-up) nor `central`, and never runs migrations.
"""
