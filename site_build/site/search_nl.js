/* Playing-2-gether: Dutch search. Appended to Material's lunr.nl at build time (site_build/site/search.py).
 * Material searches each word as a prefix ('spelen*'), and lunr never stems such a word, so a stemmed index
 * would lose 'spelen'. Here the index keeps every word as written and adds its Dutch stem; a searched word is
 * stemmed before its prefix is looked up ('spelen' finds 'spel', 'spelen', 'spelletje'), and Dutch stop words
 * ('wil', 'niet', 'een') are left out of the query, so 'kind wil niet spelen' ranks on 'kind' and 'spelen'. */
(function (lunr) {
  if (!lunr || !lunr.nl || lunr.nl.p2g) return;
  var stem = lunr.nl.stemmer, stop = lunr.nl.stopWordFilter;
  var both = function (token, i, tokens) {
    var stemmed = stem(token.clone(), i, tokens);
    return stemmed && stemmed.toString() !== token.toString() ? [token, stemmed] : token;
  };
  lunr.Pipeline.registerFunction(both, "stemmer-nl-p2g");
  lunr.nl.stemmer = both;
  lunr.nl.p2g = true;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    var term = c.term;
    if (typeof term === "string" && /^[^*]+\*$/.test(term) && c.presence === undefined) {
      var word = lunr.nl.trimmer(new lunr.Token(term.slice(0, -1).toLowerCase())).toString();
      if (!word) return this;
      if (stop(new lunr.Token(word)) === undefined) return this;
      var stemmed = stem(new lunr.Token(word)).toString();
      c.term = (stemmed.length >= 4 ? stemmed : word) + "*";  // a short stem (vaak: vak) matches too much
    }
    return clause.call(this, c);
  };
})(typeof self !== "undefined" ? self.lunr : this.lunr);
