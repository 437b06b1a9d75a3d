package wordpress

import (
	"errors"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/newsroom/news/models"
)

// authors makes every author a staff member who cannot sign in yet.
func (im *importer) authors() error {
	for _, a := range im.ix.authors {
		if _, err := im.author(a); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) author(a *Author) (int64, error) {
	name := strings.TrimSpace(html.UnescapeString(a.DisplayName))
	if name == "" {
		name = strings.TrimSpace(a.FirstName + " " + a.LastName)
	}
	if name == "" {
		name = a.Login
	}
	role := models.RoleAuthor
	if slices.Contains(im.opt.Editors, a.Login) {
		role = models.RoleEditor
	}
	email, ok := models.NormalizeEmail(a.Email)
	item := fmt.Sprintf("%s (%s)", name, a.Login)
	if !ok {
		email = models.Slugify(a.Login) + "@imported.invalid"
		im.rep.change("author", item, "the export has no usable email address; given "+email)
	}
	var id int64
	if im.opt.DryRun {
		id = im.fakeID()
		im.rep.count("authors: created")
	} else {
		u, existing, err := im.store.ImportUser(im.ctx, im.key(models.ImportUser, a.ID), models.UserInput{
			Email: email, Name: name, Role: role})
		if err != nil {
			return 0, fmt.Errorf("author %s: %w", a.Login, err)
		}
		id = u.ID
		if existing {
			im.rep.count("authors: already here")
		} else {
			im.rep.count("authors: created")
			im.rep.change("author", item, "staff with the "+role+" role, who cannot sign in until an admin sets a password; needs a bio")
		}
		err = im.addrs.Put(im.ctx, []models.OldAddress{
			{Path: "/author/" + a.Login, Kind: models.OldAuthor, TargetID: id},
			{Path: "/author/" + a.Login + "/feed", Kind: models.OldAuthor, TargetID: id},
			{Path: "/?author=" + strconv.FormatInt(a.ID, 10), Kind: models.OldAuthor, TargetID: id},
		})
		if err != nil {
			return 0, err
		}
	}
	im.users[a.Login] = id
	return id, nil
}

// categories makes a section of every category that is not only a parent
// (see index.isSection).
func (im *importer) categories() error {
	for _, slug := range im.ix.catOrder {
		c := im.ix.cats[slug]
		if !im.ix.isSection(slug) {
			im.rep.count("categories: kept as tags")
			im.rep.change("category", c.Name, "a parent of other categories and no post's first one: a tag on its children's articles")
			continue
		}
		if _, err := im.section(c); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) section(c *Category) (models.Category, error) {
	if s, ok := im.sections[c.Slug]; ok {
		return s, nil
	}
	slug := models.Slugify(c.Slug)
	if !models.ValidSlug(c.Slug) {
		slug = models.Slugify(html.UnescapeString(c.Name))
	}
	if slug == "article" {
		slug = "section-" + strconv.FormatInt(c.TermID, 10)
	}
	in := models.CategoryInput{Name: html.UnescapeString(c.Name), Slug: slug, Description: html.UnescapeString(c.Description)}
	var s models.Category
	if im.opt.DryRun {
		s = models.Category{ID: im.fakeID(), Slug: slug, Name: in.Name}
		im.rep.count("sections: created")
	} else {
		var existing bool
		var err error
		s, existing, err = im.store.ImportSection(im.ctx, im.key(models.ImportSection, c.TermID), in)
		if err != nil {
			return s, fmt.Errorf("category %s: %w", c.Slug, err)
		}
		if existing {
			im.rep.count("sections: already here")
		} else {
			im.rep.count("sections: created")
		}
		if err := im.addrs.Put(im.ctx, im.ix.sectionPaths(c, models.OldSection, s.ID)); err != nil {
			return s, err
		}
	}
	im.sections[c.Slug] = s
	return s, nil
}

// uncategorized is the section of a post the export files under no
// category (WordPress itself always gives one).
func (im *importer) uncategorized() (models.Category, error) {
	return im.section(&Category{Slug: "uncategorized", Name: "Uncategorized"})
}

// termAddresses points the old tag pages, and the category pages of the
// categories kept as tags, at the tags they became.
func (im *importer) termAddresses() error {
	if im.opt.DryRun {
		return nil
	}
	var list []models.OldAddress
	add := func(name string, paths func(id int64) []models.OldAddress) error {
		t, err := im.tags.BySlug(im.ctx, models.Slugify(html.UnescapeString(name)))
		if errors.Is(err, models.ErrNotFound) {
			return nil // no imported article has it
		}
		if err != nil {
			return err
		}
		list = append(list, paths(t.ID)...)
		return nil
	}
	for _, t := range im.ix.tags {
		err := add(t.Name, func(id int64) []models.OldAddress {
			return []models.OldAddress{{Path: "/tag/" + t.Slug, Kind: models.OldTag, TargetID: id},
				{Path: "/tag/" + t.Slug + "/feed", Kind: models.OldTag, TargetID: id},
				{Path: "/?tag=" + t.Slug, Kind: models.OldTag, TargetID: id}}
		})
		if err != nil {
			return err
		}
	}
	for slug, c := range im.ix.cats {
		if im.ix.isSection(slug) {
			continue
		}
		if err := add(c.Name, func(id int64) []models.OldAddress { return im.ix.sectionPaths(c, models.OldTag, id) }); err != nil {
			return err
		}
	}
	return im.addrs.Put(im.ctx, list)
}

// postTerms are a post's section (its first category) and its tags: its
// tags, its other categories and the parents of its categories.
func (im *importer) postTerms(it *Item) (models.Category, []string, error) {
	var cats, tags []string
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			cats = append(cats, decodeSlug(t.Slug))
		case "post_tag":
			tags = append(tags, html.UnescapeString(t.Name))
		}
	}
	if len(cats) == 0 {
		s, err := im.uncategorized()
		return s, tags, err
	}
	section, err := im.section(im.catOr(cats[0]))
	if err != nil {
		return section, nil, err
	}
	var others []string
	for i, slug := range cats {
		c := im.catOr(slug)
		if i > 0 {
			others = append(others, c.Name)
			tags = append(tags, html.UnescapeString(c.Name))
		}
		seen := map[string]bool{slug: true}
		for p := im.ix.cats[c.Parent]; p != nil && !seen[p.Slug]; p = im.ix.cats[p.Parent] {
			seen[p.Slug] = true
			tags = append(tags, html.UnescapeString(p.Name))
		}
	}
	if len(others) > 0 {
		im.rep.change("post", itemName(it), "in several categories: section "+section.Name+"; "+strings.Join(others, ", ")+" kept as tags")
	}
	return section, tags, nil
}

// catOr is the category with slug, or one made up from the slug when the
// export lists it on a post but not in its categories.
func (im *importer) catOr(slug string) *Category {
	if c := im.ix.cats[slug]; c != nil {
		return c
	}
	c := &Category{Slug: slug, Name: slug}
	im.ix.cats[slug] = c
	return c
}
