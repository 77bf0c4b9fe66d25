"""DeliveryDesk: a project-delivery tracker for field engineers."""

__version__ = "0.1.0"
