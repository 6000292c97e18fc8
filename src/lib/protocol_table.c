/*
** protocol_table.c — the comparative table of a draft protocol (protocol.c):
** for each point of article 1, in the same order and with the same label, the
** current and the proposed wording side by side with deleted and inserted
** words marked. A current wording that is a reconstruction (reliability 1)
** is marked NOT VERIFIED so that it never reads as treaty text. The two
** term-base versions compared do not record the proposing state, and record a
** rationale only where the new entry carries one: the rationales found follow
** the table, and its note ([table.note]) says what the table cannot show.
*/
#include "protocol_int.h"
#include "proposal_int.h"

#include <stdio.h>
#include <string.h>

static void run(struct protocol *p, struct doc_block *b, int right, int style, const char *text)
{
    p->w.oom |= glossa__doc_run(p->w.doc, b, right, style, text, strlen(text)) != 0;
}

/* The proposals the changes come from (opts version 2), or NULL. */
static const struct glossa_proposals *proposals_of(const struct protocol *p)
{
    return p->opts->version >= 2 ? p->opts->proposals : NULL;
}

/* With the proposals (protocol --proposals): who proposed the change (state
** and proposal; every proposal of the concept with the same Russian
** wording, else every one of it) and why, in cells 2 and 3. */
static void add_proposal_cells(struct protocol *p, struct doc_block *b, const struct amendment *a)
{
    const struct glossa_proposals *ps = proposals_of(p);
    const struct v_concept *c = a->new ? a->new : a->old;
    const char *wording = glossa__concept_def(c, "ru"), *why = NULL, *in = NULL;
    size_t i, found = 0;
    int pass, zh = strcmp(p->opts->lang, "zh") == 0;

    for (pass = 0; pass < 2 && !found; pass++) {
        for (i = 0; i < ps->n && !p->w.oom; i++) {
            const glossa_proposal_change *ch = &ps->changes[i];
            const char *d = glossa__concept_def(ps->sources[i].concept, "ru");
            char who[160];
            if (!ch->id || strcmp(ch->id, c->id) != 0 ||
                (pass == 0 && (!wording || !d || strcmp(wording, d) != 0)))
                continue;
            if (zh) /* full-width punctuation in Chinese */
                snprintf(who, sizeof who, "%s%s（%s）", found ? "；" : "", ch->state, ch->proposal);
            else
                snprintf(who, sizeof who, "%s%s (%s)", found ? "; " : "", ch->state, ch->proposal);
            run(p, b, 2, RUN_PLAIN, who);
            if (!found++)
                why = glossa__proposal_rationale(p->w.doc->arena, ps->sources[i].entry,
                                                 p->opts->lang, &in);
        }
    }
    if (!found)
        run(p, b, 2, RUN_PLAIN, "—");
    run(p, b, 3, RUN_PLAIN, why ? why : "—");
    if (why && in) {
        run(p, b, 3, RUN_PLAIN, zh ? "" : " ");
        run(p, b, 3, RUN_PLAIN,
            glossa__protocol_fill(p, "table.untranslated", "lang",
                                  glossa__language_name(p->w.doc->arena, in, p->opts->lang), NULL));
    }
}

/* The point's label as article 1 writes it ("а) ", "（一）", "(a) "), or "". */
static const char *row_label(struct protocol *p, const struct amendment *a)
{
    return a->label ? glossa__protocol_fill(p, "item", "item", a->label, "label", "", NULL) : "";
}

/* Old and new wording of an entry, side by side, changed words marked. */
static void add_row(struct protocol *p, const struct amendment *a)
{
    struct doc_block *b = glossa__doc_add(p->w.doc, DOC_TABLE_ROW, NULL);
    const char *old_text =
        a->kind == AMEND_ADD ? NULL : glossa__protocol_entry(p, "entry", a->old);
    const char *new_text =
        a->kind == AMEND_DELETE ? NULL : glossa__protocol_entry(p, "entry", a->new);
    struct redline r;
    size_t i;

    if (!b) {
        p->w.oom = 1;
        return;
    }
    if (proposals_of(p))
        add_proposal_cells(p, b, a);
    run(p, b, 0, RUN_PLAIN, row_label(p, a));
    if (a->old && a->old->reliability == 1) {
        run(p, b, 0, RUN_PLAIN, glossa__protocol_fill(p, "table.unverified", NULL));
        if (strcmp(p->opts->lang, "zh") != 0)
            run(p, b, 0, RUN_PLAIN, " "); /* Chinese puts no space after ］ */
    }
    if (new_text && glossa__protocol_unchanged(p, a)) {
        run(p, b, 0, RUN_PLAIN, old_text);
        run(p, b, 1, RUN_PLAIN, glossa__protocol_fill(p, "entry.unchanged", NULL));
        return;
    }
    if (!old_text || !new_text) {
        run(p, b, 0, old_text ? RUN_DEL : RUN_PLAIN,
            old_text ? old_text : glossa__protocol_fill(p, "table.added", NULL));
        run(p, b, 1, new_text ? RUN_INS : RUN_PLAIN,
            new_text ? new_text : glossa__protocol_fill(p, "table.deleted", NULL));
        return;
    }
    if (glossa__redline(p->diff->norm, p->w.doc->arena, old_text, new_text, &r)) {
        p->w.oom = 1;
        return;
    }
    for (i = 0; i < r.n && !p->w.oom; i++) {
        const struct piece *pc = &r.items[i];
        if (pc->op != GLOSSA_EDIT_INS)
            p->w.oom |= glossa__doc_run(p->w.doc, b, 0, pc->op == GLOSSA_EDIT_DEL ? RUN_DEL : RUN_PLAIN,
                                      pc->s, pc->len) != 0;
        if (pc->op != GLOSSA_EDIT_DEL)
            p->w.oom |= glossa__doc_run(p->w.doc, b, 1, pc->op == GLOSSA_EDIT_INS ? RUN_INS : RUN_PLAIN,
                                      pc->s, pc->len) != 0;
    }
}

void glossa__protocol_table(struct protocol *p)
{
    struct doc_block *head;
    size_t i;
    glossa__protocol_block(p, DOC_TABLE_TITLE, glossa__protocol_fill(p, "table.title", NULL));
    head = glossa__doc_add(p->w.doc, DOC_TABLE_HEAD, glossa__protocol_fill(p, "table.old", NULL));
    if (!head) {
        p->w.oom = 1;
        return;
    }
    run(p, head, 1, RUN_PLAIN, glossa__protocol_fill(p, "table.new", NULL));
    if (proposals_of(p)) {
        run(p, head, 2, RUN_PLAIN, glossa__protocol_fill(p, "table.by", NULL));
        run(p, head, 3, RUN_PLAIN, glossa__protocol_fill(p, "table.rationale.head", NULL));
    }
    for (i = 0; i < p->n_am && !p->w.oom; i++)
        add_row(p, &p->am[i]);
    /* the rationales the new entries record (with --proposals: in the table) */
    for (i = 0; i < p->n_am && !p->w.oom && !proposals_of(p); i++) {
        const char *why = glossa__entry_rationale(p->am[i].new ? p->am[i].new->entry : NULL,
                                                  p->opts->lang);
        if (why)
            glossa__protocol_block(p, DOC_NOTE,
                                   glossa__protocol_fill(p, "table.rationale", "label",
                                                         row_label(p, &p->am[i]), "text", why,
                                                         NULL));
    }
    glossa__protocol_section(p, DOC_NOTE, proposals_of(p) ? "table.note.proposals" : "table.note", 0);
}
