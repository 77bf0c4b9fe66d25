"""The team server in the window: the background sync (``controller``), its status in the status bar
(``status``), Team ▸ Team server… (``server_dialog``), Team ▸ Sync conflicts… (``conflicts``) and the
manager's approval inbox (``approvals``). Every network call runs on the task runner."""
