package demo

import (
	"math"
	"strings"
)

// Word lists for the generated corpus. The words are plain lower-case
// letters, so the HTML made from them needs no escaping and equals what
// RenderMarkdown makes of the Markdown.
var (
	corpusSections = []string{"World News", "Politics", "Business", "Technology", "Science",
		"Health", "Sport", "Culture", "Opinion", "Climate"}
	corpusFirst = []string{"Amara", "Ben", "Chen", "Dana", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
		"Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera",
		"Wen", "Ximena", "Yusuf", "Zoe"}
	corpusLast = []string{"Adeyemi", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Hassan",
		"Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi",
		"Sato", "Tanaka", "Umarov", "Varga", "Weber", "Xu", "Yilmaz", "Zhang"}
	corpusSources = []string{"", "", "Agencies", "Reuters", "AP", "AFP", "Staff reporting"}
	corpusTopics  = []string{"elections", "economy", "climate", "ukraine", "health care", "technology",
		"artificial intelligence", "energy", "housing", "education", "football", "trade", "migration",
		"space", "inflation", "courts", "diplomacy", "markets", "film", "music"}
	corpusWords = strings.Fields(`government minister president council city region market prices energy
		water border talks summit agreement report survey study scientists researchers doctors patients
		hospital school students teachers workers union strike company shares investors bank rates
		inflation growth budget taxes reform law court judge ruling appeal police officers protest
		crowd election voters campaign party leader coalition parliament vote debate policy plan
		announced said warned expected reported confirmed denied agreed rejected proposed signed
		opened closed rose fell increased reduced launched delayed returned visited met called
		new local national international early late major small large public private first last
		week month year morning evening night today yesterday season team match players coach
		final championship record stadium fans festival film music artists museum exhibition book
		climate storm flood heat drought wildfire emissions carbon solar wind power grid supply
		chain trade exports imports factory jobs wages housing rent families children community
		residents village island coast mountain river road rail airport flights travel tourism
		internet software data privacy security network phone app platform users online digital
		space mission rocket satellite launch orbit moon planet discovery evidence results trial
		vaccine disease cases treatment care service funding support aid relief recovery damage
		officials spokesperson statement interview meeting conference negotiations deal deadline
		decision process system change future history years people country world state capital`)
)

// zipf picks an index below n, small ones far more often, as popular tags
// are picked far more often than rare ones.
func (g *corpusGen) zipf(n int) int {
	return min(int(float64(n)*math.Pow(g.r.Float64(), 3)), n-1)
}

func (g *corpusGen) word() string { return corpusWords[g.r.IntN(len(corpusWords))] }

// title is a headline of 6 to 12 words.
func (g *corpusGen) title() string {
	w := make([]string, 6+g.r.IntN(7))
	for i := range w {
		w[i] = g.word()
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

// sentence is lo to hi words, capitalised and ending in a full stop.
func (g *corpusGen) sentence(lo, hi int) string {
	var b strings.Builder
	n := lo + g.r.IntN(hi-lo+1)
	for i := range n {
		w := g.word()
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// body is about words words of Markdown in paragraphs, with its HTML.
func (g *corpusGen) body(words int) (md, html string) {
	var m, h strings.Builder
	m.Grow(words * 8)
	h.Grow(words*8 + words/10)
	for words > 0 {
		var p strings.Builder
		n := min(40+g.r.IntN(81), words)
		for n > 0 {
			s := g.sentence(min(8, n), min(20, max(n, 8)))
			if p.Len() > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(s)
			k := strings.Count(s, " ") + 1
			n -= k
			words -= k
		}
		if m.Len() > 0 {
			m.WriteString("\n\n")
		}
		m.WriteString(p.String())
		h.WriteString("<p>" + p.String() + "</p>\n")
	}
	return m.String(), h.String()
}
