package views

// Newsroom page template names.
const (
	PageAdminArticles        = "admin_articles"
	PageAdminArticleEdit     = "admin_article_edit"
	PageAdminConfirm         = "admin_confirm"
	PageAdminRevisions       = "admin_revisions"
	PageAdminRevisionCompare = "admin_revision_compare"
	PageAdminComments        = "admin_comments"
	PageAdminCommentEdit     = "admin_comment_edit"
	PageAdminSections        = "admin_sections"
	PageAdminSectionDelete   = "admin_section_delete"
	PageAdminTags            = "admin_tags"
	PageAdminTagEdit         = "admin_tag_edit"
	PageCorrections          = "corrections"
	PageAdminLive            = "admin_live"
	PageAdminLiveEntry       = "admin_live_entry"
)

// newsroomPages lists the pages above, for Pages.
var newsroomPages = []string{PageAdminArticles, PageAdminArticleEdit, PageAdminConfirm, PageAdminRevisions,
	PageAdminRevisionCompare, PageAdminComments, PageAdminCommentEdit, PageAdminSections, PageAdminSectionDelete,
	PageAdminTags, PageAdminTagEdit, PageCorrections, PageAdminLive, PageAdminLiveEntry}

// Plural writes "1 article", "3 articles".
func Plural(n int, one, many string) string { return plural(n, one, many) }
