"""The central sync service: the system of record the desks, the field app and upstream systems meet at."""
