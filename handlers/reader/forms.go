package reader

// CommentForm is the comment form under an article, as typed. It is
// rendered empty on the article page and again, with what was typed and a
// message by each field, when it is refused.
type CommentForm struct {
	Comment  string `form:"comment"`
	Name     string `form:"name"`
	Email    string `form:"email"`
	Website  string `form:"website"` // honeypot: people never see it
	ParentID int64  `form:"parent"`

	FieldErrors map[string]string
}
