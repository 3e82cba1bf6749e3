"""The demo centre: a seeded, realistic Shanghai enterprise-line desk (customers, sites, technicians, orders)."""
