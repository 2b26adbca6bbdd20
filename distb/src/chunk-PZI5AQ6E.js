// dist/src/domain/text/freeText.js
var maxFreeTextLength = 300;
var unprintableText = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;
function clipFreeText(value, maxLength = maxFreeTextLength) {
  const printable = value.normalize("NFC").replace(new RegExp(unprintableText.source, "gu"), " ").replace(/\s+/g, " ").trim();
  if (printable.length <= maxLength)
    return printable;
  const cut = printable.slice(0, maxLength - 1).replace(/[\uD800-\uDBFF]$/, "");
  return `${cut}\u2026`;
}

export {
  maxFreeTextLength,
  unprintableText,
  clipFreeText
};
