package models

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"unicode"
)

// Limits on what a search reads from its query string: enough for any real
// question, small enough that a pasted essay stays cheap.
const (
	maxQueryRunes = 256
	maxQueryTerms = 12
	maxTermRunes  = 64
)

// Markers snippet() puts around matched words. They are control characters
// that db.PlainText removes from indexed text; HighlightSnippet escapes the
// rest and turns only these into <mark>.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// SearchQuery turns anything a reader types into a safe FTS5 query: every
// word becomes a quoted string, so no character the reader sends is read as
// query syntax (AND, OR, NOT, NEAR, *, ^, :, parentheses all become words or
// separators). Words joined by phraseJoiners ("covid-19", "10:30") and
// words inside double quotes become phrases. There is no prefix search:
// "a*" would make one query read most of the index, and stemming already
// finds "elections" for "election". All words must match; lone stop words
// ("the", "of") are left out. The result is empty when the input holds no
// word to search for (a lone *, emoji, punctuation, only stop words).
func SearchQuery(input string) string {
	if r := []rune(input); len(r) > maxQueryRunes {
		input = string(r[:maxQueryRunes])
	}
	var phrases []string
	var common []bool  // phrases[i] is a lone stop word, such as "the"
	var words []string // words of the current phrase
	inQuote := false
	flush := func() {
		if len(words) > 0 && len(phrases) < maxQueryTerms {
			phrases = append(phrases, `"`+strings.Join(words, " ")+`"`)
			common = append(common, len(words) == 1 && stopWords[strings.ToLower(words[0])])
		}
		words = words[:0]
	}
	var word []rune
	endWord := func() {
		if len(word) > 0 {
			if len(word) > maxTermRunes {
				word = word[:maxTermRunes]
			}
			words = append(words, string(word))
			word = word[:0]
		}
	}
	for _, r := range input {
		switch {
		case isWordRune(r):
			word = append(word, r)
		case r == '"':
			endWord()
			flush()
			inQuote = !inQuote
		case strings.ContainsRune(phraseJoiners, r) || inQuote:
			endWord()
		default: // spaces, brackets, other punctuation, emoji
			endWord()
			flush()
		}
	}
	endWord()
	flush()
	// Words such as "the" are in nearly every article: they narrow nothing
	// and would make the search rank the whole archive.
	var kept []string
	for i, p := range phrases {
		if !common[i] {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// stopWords are the commonest English words, left out of a search.
// Inside a quoted phrase of several words they are kept, as part of it.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "but": true,
	"by": true, "for": true, "from": true, "had": true, "has": true, "have": true, "he": true, "her": true,
	"his": true, "in": true, "is": true, "it": true, "its": true, "of": true, "on": true, "or": true,
	"she": true, "that": true, "the": true, "their": true, "they": true, "this": true, "to": true,
	"was": true, "were": true, "which": true, "will": true, "with": true,
}

// phraseJoiners are the characters that join words into one term, as in
// "covid-19", "10:30", "o'brien", "www.example.com", "at&t".
const phraseJoiners = "-‐–'’.:/_@&+"

// isWordRune reports whether r is part of a word for the index's
// unicode61 tokenizer: letters, digits and combining marks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// SearchResult is one article found by a search, with a snippet of the
// text around the matched words.
type SearchResult struct {
	Article
	Snippet template.HTML
}

// Search returns one page of live articles matching the reader's query,
// best first. An empty query (see SearchQuery) finds nothing.
func (s *ArticleStore) Search(ctx context.Context, input string, page int) ([]SearchResult, Pager, error) {
	p := Pager{Page: page, Size: PageSize}
	q := SearchQuery(input)
	if q == "" {
		return nil, p, nil
	}
	query, args := searchSQL(q, s.now().Unix(), p)
	rows, err := s.db.Query(ctx, query, args...) // one text per number of terms
	if err != nil {
		return nil, p, fmt.Errorf("models: search: %w", err)
	}
	defer rows.Close()
	var out []SearchResult
	for rows.Next() {
		var snip string
		a, err := scanArticle(rows, &snip)
		if err != nil {
			return nil, p, fmt.Errorf("models: scan search result: %w", err)
		}
		out = append(out, SearchResult{Article: a, Snippet: HighlightSnippet(snip)})
	}
	if err := rows.Err(); err != nil {
		return nil, p, fmt.Errorf("models: search: %w", err)
	}
	if len(out) > p.Size {
		p.HasNext = true
		out = out[:p.Size]
	}
	return out, p, nil
}
