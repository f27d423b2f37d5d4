// The word break iterator of the ICU that Swift's Foundation ships on Linux (lib_FoundationICU,
// ICU 76 with its Chinese/Japanese dictionary), under the swift_ prefix that build gives ICU's C
// API. Only what portal uses is declared: the same dictionary segmentation Chromium's
// Intl.Segmenter runs, so query words are split alike in Swift and in the browser.
#include <stdint.h>

typedef struct UBreakIterator UBreakIterator;

/* type 1 = UBRK_WORD; status <= 0 is success (U_ZERO_ERROR or a warning). */
UBreakIterator *swift_ubrk_open(int type, const char *locale, const uint16_t *text, int32_t textLength, int *status);
int32_t swift_ubrk_first(UBreakIterator *bi);
/* The next boundary, or -1 (UBRK_DONE). */
int32_t swift_ubrk_next(UBreakIterator *bi);
/* For the segment before the current boundary: < 100 none (spaces, punctuation), 100-199 number,
   200-299 letter, 300-399 kana, 400-499 ideographic: the last four are "word-like". */
int32_t swift_ubrk_getRuleStatus(UBreakIterator *bi);
void swift_ubrk_close(UBreakIterator *bi);
