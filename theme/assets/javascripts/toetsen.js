// Typing on a page never takes the reader to another page. Material jumps to the previous or next page on the
// single keys p , n and . (its keyboard shortcuts); a teacher who starts typing a word without first clicking
// the search box would suddenly land elsewhere. Those four keys are stopped before Material sees them (a
// listener in the capture phase on window runs before Material's own on window); s, f and / still open the
// search, and typing in a text field or the search box is never touched.
window.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ""));
  if (!typing && !event.metaKey && !event.ctrlKey && !event.altKey && ["n", "p", ",", "."].indexOf(event.key) !== -1) {
    event.stopImmediatePropagation();
  }
}, true);
