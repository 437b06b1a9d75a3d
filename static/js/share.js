// The article's "Copy link" button: hidden in the HTML, shown only where
// this script runs, since without a script it could do nothing.
for (const b of document.querySelectorAll(".share-copy")) {
  b.hidden = false;
  b.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(b.dataset.url);
      b.textContent = "Link copied";
    } catch {
      b.textContent = "Select the address bar to copy";
    }
  });
}
