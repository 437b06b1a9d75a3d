package models

import (
	"context"
	"fmt"
)

// demoPages are the pages a new demo site starts with, in footer order.
var demoPages = []PageInput{
	{Title: "About us", Slug: "about", BodyMD: `The Daily Ledger is an independent daily news site, written and edited by a small newsroom.

We report on world affairs, politics, business, technology, science, sport and culture, and we publish every story under the name of the people who wrote it.

## What we stand for

- We check facts before we publish them, and we say so when we get something wrong: every correction is dated and listed on our [corrections page](/corrections).
- We keep news and opinion apart.
- We do not publish stories paid for by advertisers.

The Daily Ledger is a demonstration site: its stories, people and places are made up.`},
	{Title: "Contact", Slug: "contact", BodyMD: `## News tips

Seen something we should look into? Write to **tips@example.com**. Tell us what happened, where and when, and how we can reach you. We read every message, and we protect our sources.

## Corrections

If you think a story of ours is wrong, write to **corrections@example.com** with the story's address and what you believe is wrong.

## Letters and everything else

**newsroom@example.com**, or by post: The Daily Ledger, 12 Quay Street, Port Halvern.`},
	{Title: "Privacy", Slug: "privacy", BodyMD: `This page says what The Daily Ledger keeps about you, and why.

## Reading

Reading the site sets no cookie and needs no account. Our server keeps ordinary access logs (the page asked for, when, and by which browser) for a few weeks to keep the site running and safe.

## Commenting

When you comment we keep the name and the comment you write, the email address if you give one (never shown to readers), and a scrambled form of your internet address, made so it cannot be turned back into the address. We use these to fight spam and abuse.

## Newsroom staff

People who sign in to the newsroom get one cookie that keeps them signed in; it ends when they sign out.

To ask what we hold about you, or to have it removed, write to **privacy@example.com**.`},
	{Title: "Staff", Slug: "staff", BodyMD: `The people who write and edit The Daily Ledger.

- **[Maria Okafor](/author/maria-okafor)**, diplomacy and world affairs
- **[Daniel Reyes](/author/daniel-reyes)**, politics and the economy
- **[Hannah Lindqvist](/author/hannah-lindqvist)**, science and climate
- **[Samuel Chen](/author/samuel-chen)**, technology and business
- **[Priya Nair](/author/priya-nair)**, sport and culture

Each name leads to the reporter's page and every story they have written.`},
}

// seedDemoPages stores the demo pages, published.
func seedDemoPages(ctx context.Context, pages *PageStore) error {
	for _, p := range demoPages {
		p.Status = PagePublished
		if _, err := pages.Create(ctx, p, Editor{Note: "created"}); err != nil {
			return fmt.Errorf("models: demo page %s: %w", p.Slug, err)
		}
	}
	return nil
}
