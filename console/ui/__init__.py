"""The desk's widgets and Qt models; they call services and show frozen rows."""
