package newsroom

import "github.com/newsroom/news/handlers/kit"

// Pages are the newsroom's page types; a new page is added here.
func Pages() []kit.Page {
	return []kit.Page{
		AdminLoginPage{}, AdminSetupPage{}, AdminDashboardPage{}, AdminSettingsPage{}, AdminPeoplePage{},
		AdminProfilePage{}, AdminPersonPage{}, AdminAuditPage{}, AdminBackupPage{},
		AdminArticlesPage{}, AdminArticleEditPage{}, AdminConfirmPage{}, AdminRevisionsPage{}, AdminRevisionComparePage{},
		AdminCommentsPage{}, AdminCommentEditPage{}, AdminSectionsPage{}, AdminSectionDeletePage{}, AdminFrontPage{},
		AdminTagsPage{}, AdminTagEditPage{}, AdminMediaPage{}, AdminMediaEditPage{}, AdminMediaPickPage{},
		AdminSitePagesPage{}, AdminSitePageEditPage{},
		AdminLivePage{}, AdminLiveEntryPage{},
	}
}
