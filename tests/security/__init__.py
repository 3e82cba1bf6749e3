"""Attacks on the centre, each refused with nothing changed and nothing sent that a desk should not hold."""
