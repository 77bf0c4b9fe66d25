"""DeliveryDesk: a project-delivery tracker for field engineers."""

__version__ = "0.3.0"
