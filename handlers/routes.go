package handlers

import (
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/handlers/reader"
	"github.com/newsroom/news/models"
)

// Body limits of newsroom forms.
const (
	smallForm  = 64 << 10
	backupForm = 4 << 10
	bigForm    = newsroom.BodyLimit
)

// routes is the route table: every address the site answers, by group.
func routes(g *Groups, rd *reader.Handler, nr *newsroom.Handler, stream *live.Stream) {
	g.Reader.Read("/", rd.Home)
	g.Reader.Read("/category/:slug", rd.SectionShow)
	g.Reader.Read("/tag/:slug", rd.TagShow)
	g.Reader.Read("/author/:slug", rd.AuthorShow)
	g.Reader.Read("/:section/:slug", rd.ArticleShow)
	g.Reader.Read("/:slug", rd.SitePageShow) // pages: About, Contact ... (reserved.go keeps the site's own addresses)

	g.Fresh.Read("/search", rd.Search)
	g.Fresh.Read("/corrections", rd.CorrectionsShow)
	// A commenter's private view of their held comment, by signed link.
	g.Fresh.Read("/:section/:slug/comments/:id/:token", rd.CommentConfirm)
	// The read beacon of Most read: answered from memory, never cached.
	g.Fresh.GET("/read/:id", rd.ReadBeacon)

	feeds, sitemaps := pagecache.TagWith(models.TagFeeds), pagecache.TagWith(models.TagSitemaps)
	g.Machine.Read("/feed", rd.FeedRSS(reader.FeedSite), feeds)
	g.Machine.Read("/feed/atom", rd.FeedAtom(reader.FeedSite), feeds)
	for _, kind := range []string{reader.FeedSection, reader.FeedTag, reader.FeedAuthor} {
		g.Machine.Read("/"+kind+"/:slug/feed", rd.FeedRSS(kind), feeds)
		g.Machine.Read("/"+kind+"/:slug/feed/atom", rd.FeedAtom(kind), feeds)
	}
	g.Machine.Read("/sitemap.xml", rd.SitemapIndex, sitemaps)
	g.Machine.Read("/sitemaps/sections.xml", rd.SitemapSections, sitemaps)
	g.Machine.Read("/sitemaps/articles/:file", rd.SitemapArticles, sitemaps)
	g.Machine.Read("/news-sitemap.xml", rd.NewsSitemap, sitemaps)
	g.Machine.Read("/robots.txt", rd.Robots, sitemaps)

	g.Comments.POST("/:section/:slug/comments", rd.CommentCreate)
	g.Comments.Read("/:section/:slug/comments", rd.CommentsRedirect)

	g.Media.Read("/static/*", rd.StaticFile, pagecache.Compress)
	g.Media.Read("/media/:id/:file", rd.MediaShow)

	g.Streaming.GET("/live/:id/events", stream.Serve)

	g.SignIn.GET("/login", nr.LoginShow)
	g.SignIn.POST("/login", nr.LoginSubmit, kit.LimitBody(smallForm))
	g.SignIn.GET("/setup", nr.SetupShow)
	g.SignIn.POST("/setup", nr.SetupSubmit, kit.LimitBody(smallForm))

	newsroomRoutes(g.Newsroom, nr)
}

// newsroomRoutes are the signed-in newsroom, each route with the action
// it needs (newsroom/permissions.go says which roles have it).
func newsroomRoutes(n *NewsroomGroup, nr *newsroom.Handler) {
	const (
		dash, profile, people = newsroom.Dashboard, newsroom.Profile, newsroom.People
		articles, media       = newsroom.Articles, newsroom.Media
		del, comments         = newsroom.DeleteForGood, newsroom.Comments
		sections, tags        = newsroom.Sections, newsroom.Tags
		front                 = newsroom.FrontPage
		pages                 = newsroom.SitePages
	)
	n.NotFound("")
	n.NotFound("/*")
	n.GET("", dash, nr.Dashboard)
	n.GET("/", dash, nr.Dashboard)
	n.POST("/logout", dash, smallForm, nr.Logout)
	n.GET("/profile", profile, nr.ProfileShow)
	n.POST("/profile", profile, smallForm, nr.ProfileUpdate)
	n.POST("/profile/password", profile, smallForm, nr.PasswordUpdate)
	n.POST("/profile/sessions/end", profile, smallForm, nr.SessionEnd)
	n.POST("/profile/sessions/end-others", profile, smallForm, nr.SessionsEndOthers)

	n.GET("/settings", newsroom.Settings, nr.SettingsShow)
	n.POST("/settings", newsroom.Settings, smallForm, nr.SettingsUpdate)
	n.GET("/people", people, nr.PeopleShow)
	n.POST("/people", people, smallForm, nr.PersonCreate)
	n.GET("/people/:id", people, nr.PersonEdit)
	n.POST("/people/:id", people, smallForm, nr.PersonUpdate)
	n.POST("/people/:id/role", people, smallForm, nr.PersonRole)
	n.POST("/people/:id/disable", people, smallForm, nr.PersonDisable)
	n.POST("/people/:id/enable", people, smallForm, nr.PersonEnable)
	n.POST("/people/:id/password", people, smallForm, nr.PersonPassword)
	n.POST("/people/:id/sign-out", people, smallForm, nr.PersonSignOut)
	n.GET("/audit", newsroom.AuditLog, nr.AuditShow)
	n.GET("/backup", newsroom.Backup, nr.BackupShow)
	n.POST("/backup", newsroom.Backup, backupForm, nr.BackupDownload)

	n.GET("/articles", articles, nr.ArticleList)
	n.POST("/articles/bulk", articles, bigForm, nr.ArticleBulk)
	n.GET("/articles/new", articles, nr.ArticleNew)
	n.POST("/articles", articles, bigForm, nr.ArticleCreate)
	n.GET("/articles/empty-trash", del, nr.TrashEmptyConfirm)
	n.POST("/articles/empty-trash", del, bigForm, nr.TrashEmpty)
	n.POST("/articles/picture", articles, 0, nr.ArticlePictureNew, newsroom.EditorUploadLimit)
	n.GET("/articles/:id", articles, nr.ArticleEdit)
	n.POST("/articles/:id", articles, bigForm, nr.ArticleUpdate)
	n.GET("/articles/:id/trash", articles, nr.ArticleTrashConfirm)
	n.POST("/articles/:id/trash", articles, bigForm, nr.ArticleTrash)
	n.POST("/articles/:id/restore", articles, bigForm, nr.ArticleUntrash)
	n.GET("/articles/:id/delete", del, nr.ArticleDeleteConfirm)
	n.POST("/articles/:id/delete", del, bigForm, nr.ArticleDelete)
	n.GET("/articles/:id/revisions", articles, nr.RevisionList)
	n.GET("/articles/:id/revisions/compare", articles, nr.RevisionCompare)
	n.POST("/articles/:id/revisions/:rev/restore", articles, bigForm, nr.RevisionRestore)
	n.POST("/articles/:id/picture", articles, 0, nr.ArticlePicture, newsroom.EditorUploadLimit)
	n.POST("/articles/:id/corrections", newsroom.Corrections, bigForm, nr.CorrectionCreate)

	n.GET("/comments", comments, nr.CommentList)
	n.POST("/comments/bulk", comments, bigForm, nr.CommentBulk)
	n.GET("/comments/empty-trash", comments, nr.CommentTrashConfirm)
	n.POST("/comments/empty-trash", comments, bigForm, nr.CommentTrashEmpty)
	n.POST("/comments/:id/status", comments, bigForm, nr.CommentStatus)
	n.POST("/comments/:id/reply", comments, bigForm, nr.CommentReply)
	n.GET("/comments/:id/edit", comments, nr.CommentEdit)
	n.POST("/comments/:id/edit", comments, bigForm, nr.CommentUpdate)

	n.GET("/front", front, nr.FrontShow)
	n.POST("/front", front, smallForm, nr.FrontUpdate)

	n.GET("/sections", sections, nr.SectionList)
	n.POST("/sections", sections, bigForm, nr.SectionCreate)
	n.POST("/sections/:id", sections, bigForm, nr.SectionUpdate)
	n.POST("/sections/:id/move", sections, bigForm, nr.SectionMove)
	n.POST("/sections/:id/nav", sections, smallForm, nr.SectionNav)
	n.GET("/sections/:id/delete", sections, nr.SectionDeleteConfirm)
	n.POST("/sections/:id/delete", sections, bigForm, nr.SectionDelete)

	n.GET("/tags", tags, nr.TagList)
	n.GET("/tags/:id", tags, nr.TagEdit)
	n.POST("/tags/:id", tags, bigForm, nr.TagUpdate)
	n.POST("/tags/:id/merge", tags, bigForm, nr.TagMerge)
	n.GET("/tags/:id/delete", tags, nr.TagDeleteConfirm)
	n.POST("/tags/:id/delete", tags, bigForm, nr.TagDelete)

	n.GET("/pages", pages, nr.SitePageList)
	n.GET("/pages/new", pages, nr.SitePageNew)
	n.POST("/pages", pages, bigForm, nr.SitePageCreate)
	n.GET("/pages/:id", pages, nr.SitePageEdit)
	n.POST("/pages/:id", pages, bigForm, nr.SitePageUpdate)
	n.POST("/pages/:id/move", pages, bigForm, nr.SitePageMove)

	n.GET("/media", media, nr.MediaIndex)
	n.POST("/media", media, 0, nr.MediaUpload, newsroom.UploadLimit)
	n.GET("/media/pick", media, nr.MediaPick)
	n.POST("/media/pick", media, 0, nr.MediaPickUpload, newsroom.EditorUploadLimit)
	n.POST("/media/lead", media, bigForm, nr.MediaSetLead)
	n.GET("/media/:id", media, nr.MediaEdit)
	n.GET("/media/:id/:file", media, nr.MediaFileShow)
	n.POST("/media/:id/public", newsroom.Publish, smallForm, nr.MediaMarkPublic)
	n.POST("/media/:id", media, bigForm, nr.MediaUpdate)
	n.POST("/media/:id/delete", del, bigForm, nr.MediaDelete)

	liveRoutes(n, nr)
}

// liveRoutes are live coverage's composer and the breaking-news banner.
// Posting and changing the coverage is working on the article (its
// authors or editors: the ownership check); an entry is its writer's.
func liveRoutes(n *NewsroomGroup, nr *newsroom.Handler) {
	const articles = newsroom.Articles
	n.GET("/articles/:id/live", articles, nr.LiveShow)
	n.POST("/articles/:id/live/start", articles, smallForm, nr.LiveStart)
	n.POST("/articles/:id/live/end", articles, smallForm, nr.LiveEnd)
	n.POST("/articles/:id/live/entries", articles, smallForm, nr.LiveEntryCreate)
	n.GET("/live/entries/:id", articles, nr.LiveEntryEdit)
	n.POST("/live/entries/:id", articles, smallForm, nr.LiveEntryUpdate)
	n.POST("/live/entries/:id/remove", articles, smallForm, nr.LiveEntryRemove)
	n.POST("/live/entries/:id/pin", newsroom.KeyEvents, smallForm, nr.LiveEntryPin)
	n.POST("/banner", newsroom.Banner, smallForm, nr.BannerRaise)
	n.POST("/banner/lower", newsroom.Banner, smallForm, nr.BannerLower)
}
