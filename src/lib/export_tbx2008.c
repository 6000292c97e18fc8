/*
** export_tbx2008.c — the term base as TBX-Basic 2008 (ISO 30042:2008,
** `martif type="TBX-Basic"`, TBXBasiccoreStructV02.dtd), the TBX that
** translate-toolkit (and so Weblate and Pootle) and OmegaT read; they do not
** read TBX 2019.
**
** The same walk and the same data as the TBX 2019 writer (export_tbx.c, its
** header comment says what goes where), with the 2008 names: martif,
** martifHeader, termEntry, langSet, tig. TBX-Basic 2008 has the data
** categories glossa writes (administrativeStatus, termType,
** geographicalUsage, definition, context, source, crossReference,
** externalCrossReference, note), so only the structure differs, and one
** thing more: a source is its citation in admin type="source", without a
** back matter to point to (TBX-Basic 2008 keeps back for persons
** responsible). What TBX-Basic has no data category for travels in the same
** notes marked [glossa]: status and reliability (not verified) on the
** entry, reconstruction and working translation on a term or definition,
** and national definitions as the statutory text of a state with its act,
** article, edition and URL, never as glossa's.
*/
#include "exchange_int.h"

int glossa__write_tbx2008(struct glossa_tb *tb, const glossa_export_opts *opts,
                          struct xc_report *r, struct glossa_buf *out)
{
    static const struct tbx_dialect tbx2008 = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
        "<martif type=\"TBX-Basic\" xml:lang=\"ru\">\n",
        "martif", "martifHeader",
        "    <encodingDesc>\n"
        "      <p type=\"XCSURI\">http://www.lisa.org/fileadmin/standards/tbx_basic/TBXBasicXCSV02.xcs</p>\n"
        "    </encodingDesc>\n",
        "TBX-Basic 2008, ISO 30042:2008",
        "termEntry", "langSet", "tig", 0,
    };
    return glossa__write_tbx_as(tb, opts, r, &tbx2008, out);
}
