package views

// PageAdminBackup is the admin page with the "Download a backup" button.
const PageAdminBackup = "admin_backup"
