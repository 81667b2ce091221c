// The blog post the bench and its probes load: one place, so every figure about "a long
// post" is about the same page.

/** One paragraph of a blog post, about four lines in a 40em column. */
export const paragraph = `<p>${"A blog post about hiring backend developers goes on for a while, as posts do. ".repeat(8)}</p>\n`;

/** A long blog post, about twelve screens; `middle` goes three screens down. */
export function post(middle) {
  return `<main style="max-width: 40em; margin: 0 auto">${paragraph.repeat(14)}${middle}${paragraph.repeat(40)}</main>`;
}

/** What the long post carries three screens down when it has the widget. */
export const widgetFarDown = "<stack-weigh><p>The comparison loads here.</p></stack-weigh>";
