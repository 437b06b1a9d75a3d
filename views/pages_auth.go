package views

// Newsroom pages for signing in, settings, people, profile and the audit
// log; each is a file pages/<name>.html rendered inside "admin-layout".
const (
	PageAdminLogin     = "admin_login"
	PageAdminSetup     = "admin_setup"
	PageAdminDashboard = "admin_dashboard"
	PageAdminSettings  = "admin_settings"
	PageAdminPeople    = "admin_people"
	PageAdminProfile   = "admin_profile"
	PageAdminAudit     = "admin_audit"
)

// authPages lists the pages above, for Pages.
var authPages = []string{PageAdminLogin, PageAdminSetup, PageAdminDashboard, PageAdminSettings,
	PageAdminPeople, PageAdminProfile, PageAdminAudit}
