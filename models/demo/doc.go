// Package demo generates the large corpus that `news demo` writes for load
// tests and for trying the site at a realistic size: sections, authors,
// tags of uneven popularity, articles of realistic length and comments
// spread unevenly, the same for the same seed, written in large batches
// straight through db's transactions.
//
// The small demo site filled at first start (models.Options.Demo) is not
// here: models.Open fills it, so it lives beside it, in
// models/demo_seed.go and models/demo_seed_images.go.
package demo
