"""The internal butterfly review report PDF: its data classes (``data``) and its story (``report``)."""
