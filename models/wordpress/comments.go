package wordpress

import (
	"fmt"

	"github.com/newsroom/news/models"
)

// commentStatus maps comment_approved; ok is false for a comment that is
// not imported.
func commentStatus(approved string) (string, bool) {
	switch approved {
	case "1", "approve":
		return models.CommentApproved, true
	case "0", "hold":
		return models.CommentPending, true
	case "spam":
		return models.CommentSpam, true
	}
	return "", false // trash, post-trashed
}

// comments imports a post's comments into article id, parents before
// their replies. A reply to a comment left behind answers that comment's
// parent instead.
func (im *importer) comments(it *Item, article int64) error {
	byID := map[int64]*Comment{}
	for i := range it.Comments {
		byID[it.Comments[i].ID] = &it.Comments[i]
	}
	kept := map[int64]bool{}
	var list []models.ImportedComment
	for _, c := range it.Comments {
		what := fmt.Sprintf("comment %d by %q on %q", c.ID, c.Author, it.Title)
		if c.Type == "pingback" || c.Type == "trackback" {
			im.rep.skip("comment", what, "a "+c.Type+": the site takes none")
			continue
		}
		status, ok := commentStatus(c.Approved)
		if !ok {
			im.rep.skip("comment", what, "in the trash in WordPress")
			continue
		}
		kept[c.ID] = true
		im.rep.count("comments " + status + ": seen")
	}
	// Parents first: a comment goes in once the one it answers is in.
	done := map[int64]bool{}
	// A thread that loops back on itself (stuck) goes in as it stands.
	for progress, stuck := true, false; progress || !stuck; {
		stuck = !progress
		progress = false
		for _, c := range it.Comments {
			if !kept[c.ID] || done[c.ID] {
				continue
			}
			parent := c.Parent
			for steps := 0; parent != 0 && !kept[parent]; steps++ {
				if p := byID[parent]; p != nil && steps < len(byID) {
					parent = p.Parent
				} else {
					parent = 0
				}
			}
			if parent == c.ID {
				parent = 0
			}
			if parent != 0 && !done[parent] && !stuck {
				continue
			}
			status, _ := commentStatus(c.Approved)
			list = append(list, models.ImportedComment{ID: c.ID, ParentID: parent, Name: c.Author, Email: c.AuthorEmail,
				Text: c.Content, IP: c.AuthorIP, Status: status, CreatedAt: gmt(c.DateGMT, c.Date)})
			done[c.ID] = true
			progress = true
		}
	}
	if im.opt.DryRun || len(list) == 0 {
		return nil
	}
	added, empty, err := im.store.ImportComments(im.ctx, im.src, article, list)
	if err != nil {
		return err
	}
	im.rep.Counts["comments: created"] += added
	for _, id := range empty {
		im.rep.skip("comment", fmt.Sprintf("comment %d on %q", id, it.Title), "nothing is left of its text once markup that isn't allowed is removed")
	}
	return nil
}
