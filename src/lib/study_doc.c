/*
** study_doc.c — the study of national legislation (study.c) as a document
** in Russian, Chinese or English (doc.c's model: Markdown, HTML, DOCX, TEI):
** the coverage matrix (annex concepts, then statement concepts and notions,
** against every member state, each cell the acts that define the notion and
** how their notion relates to it, an empty cell a gap), the gaps per state,
** and the acts studied with their citations; or the acts alone (`glossa laws
** --format html`); or one notion's definitions side by side (`glossa compare
** --format`). The wording of the documents is glossa's (the words[] table);
** the terms, definitions and act titles are quoted as the index holds them.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

/* The document's fixed wording in one language. */
struct words {
    const char *lang;
    const char *title, *laws_title, *intro, *legend, *annex, *statements, *notions,
        *concept, *gaps, *gap_line, *gap_all, *acts, *no_act, *authority, *not_named,
        *act, *number, *adopted, *edition, *definitions, *read_at, *own_text, *translated,
        *working, *reconstruction, *security_body, *no_security_body;
    /* compare */
    const char *cmp_title, *cmp_annex, *cmp_statement, *cmp_national, *rel_same, *rel_narrower, *rel_broader, *rel_related, *cmp_missing,
        *cmp_none, *cmp_statutory, *reliability, *edition_of, *working_translation;
};

static const struct words words[] = {
    { "en",
      "Study of national legislation: terms and definitions of the member states",
      "National acts of the study of national legislation",
      "Plan item 1.2: the definitions of the member states' national acts on information "
      "security, informatization, cybersecurity and personal data, as the study holds them, "
      "against the concepts of annex 1, the concepts of the SCO statements and the notions "
      "annex 1 lacks. Each cell names the acts of a state that define the notion; an empty "
      "cell (—) is a gap: the study found no definition there. The definitions themselves are "
      "statutory text quoted as data with their act, article, edition and address "
      "(glossa compare).",
      "In a cell: the number of the act in the state's list of acts studied (below), then "
      "how its notion relates to the row's: = the same, < narrower, > broader, ~ related; "
      "(n): n definitions.",
      "Concepts of annex 1", "Concepts of the SCO statements defined in national acts",
      "Notions of national acts that the term base lacks (by the number of states)",
      "Concept", "Gaps by state",
      "%s: %zu of %zu annex concepts defined; no definition found of: %s.",
      "%s: %zu of %zu annex concepts defined.",
      "Acts studied", "No act in the study.", "Competent authority for terminology: %s.",
      "not yet named", "Act", "No", "Adopted", "Edition read", "Definitions", "Read at",
      "the act's own text", "translated by %s",
      "The notions are named by glossa's working labels (English); the acts' own terms are "
      "shown by glossa compare.",
      "annex 1 wording is a reconstruction, not verified",
      "Body its law names for information security: %s (%s; «%s»; reliability %d of 4; %s).",
      "Body for information security: none named in a source read.",
      "%s: definitions side by side", "Annex 1", "The term base's definitions",
      "Definitions of the member states' national acts",
      "the same notion", "a narrower notion", "a broader notion", "a related notion",
      "No definition found in the study for: %s.",
      "No national definition of it in the study.",
      "The national definitions are statutory text, quoted exactly as the page named prints "
      "it; they are not glossa's words. A text that is not the act's own names its translator.",
      "reliability %d of 4", "edition of %s", "working translation" },
    { "ru",
      "Обзор национального законодательства: термины и определения государств-членов",
      "Национальные правовые акты, изученные в обзоре национального законодательства",
      "Пункт 1.2 плана: определения национальных правовых актов государств-членов в "
      "области информационной безопасности, информатизации, кибербезопасности и "
      "персональных данных в сопоставлении с понятиями приложения 1, понятиями заявлений "
      "ШОС и понятиями, которых нет в приложении 1. В ячейке указаны акты государства, "
      "определяющие понятие; пустая ячейка (—) означает, что определение не найдено. "
      "Сами определения приводятся как текст актов с указанием акта, статьи, редакции и "
      "адреса (glossa compare).",
      "В ячейке: номер акта в перечне изученных актов государства (ниже) и соотношение "
      "его понятия с понятием строки: = то же, < уже, > шире, ~ связанное; (n) — число "
      "определений.",
      "Понятия приложения 1", "Понятия заявлений ШОС, определенные в национальных актах",
      "Понятия национальных актов, отсутствующие в базе терминов (по числу государств)",
      "Понятие", "Пробелы по государствам",
      "%s: определено %zu из %zu понятий приложения 1; не найдено определений: %s.",
      "%s: определено %zu из %zu понятий приложения 1.",
      "Изученные акты", "Актов в обзоре нет.", "Компетентный орган по терминологии: %s.",
      "пока не назван", "Акт", "№", "Принят", "Редакция", "Определений", "Источник",
      "текст акта", "перевод: %s",
      "Понятия названы рабочими обозначениями glossa (на английском языке); термины самих "
      "актов показывает glossa compare.",
      "формулировки приложения 1 реконструированы, не сверены",
      "Орган в области информационной безопасности по законодательству: %s (%s; «%s»; "
      "достоверность %d из 4; %s).",
      "Орган в области информационной безопасности: в изученных источниках не назван.",
      "«%s»: сопоставление определений", "Приложение 1", "Определения базы терминов",
      "Определения национальных правовых актов государств-членов",
      "то же понятие", "более узкое понятие", "более широкое понятие", "связанное понятие",
      "Определение не найдено в обзоре для: %s.",
      "Национальных определений в обзоре нет.",
      "Национальные определения — текст правовых актов, приведенный в точности так, как он "
      "напечатан на указанной странице; это не формулировки glossa. Для текста, который не "
      "является текстом самого акта, указан переводчик.",
      "достоверность %d из 4", "редакция от %s", "рабочий перевод" },
    { "zh",
      "国家立法研究：成员国的术语和定义",
      "国家立法研究所涉国家法律文件",
      "计划第1.2项：成员国关于信息安全、信息化、网络安全和个人信息的国家法律文件中的定义，"
      "与附件1的概念、上合组织声明的概念以及附件1所缺概念的对照。单元格列出界定该概念的"
      "该国法律文件；空单元格（—）表示未找到定义。定义本身作为法律文本引用，并注明法律文件、"
      "条款、版本和网址（glossa compare）。",
      "单元格中：该国所研究法律文件清单（见下文）中的编号，以及其概念与本行概念的关系："
      "= 相同，< 较窄，> 较宽，~ 相关；（n）为定义数。",
      "附件1的概念", "国家法律文件所界定的上合组织声明概念",
      "术语库中没有的国家法律文件概念（按国家数排列）",
      "概念", "各国空缺",
      "%1$s：附件1的%3$zu个概念中界定了%2$zu个；未找到定义：%4$s。",
      "%1$s：附件1的%3$zu个概念中界定了%2$zu个。",
      "所研究的法律文件", "研究中没有法律文件。", "术语主管机关：%s。",
      "尚未指定", "法律文件", "编号", "通过日期", "所读版本", "定义数", "网址",
      "法律文件原文", "译者：%s",
      "这些概念以 glossa 的英文工作标签命名；法律文件本身的术语见 glossa compare。",
      "附件1的措辞为重构文本，未经核实",
      "法律规定的信息安全主管机关：%s（%s；“%s”；可靠性 %d/4；%s）。",
      "信息安全主管机关：所读来源中未指明。",
      "“%s”：定义对照", "附件1", "术语库中的定义",
      "成员国国家法律文件中的定义",
      "相同概念", "较窄概念", "较宽概念", "相关概念",
      "研究中未找到以下国家的定义：%s。",
      "研究中没有该概念的国家定义。",
      "国家定义为法律文本，完全按所注网页引用，并非 glossa 的措辞。非法律文件原文的文本注明译者。",
      "可靠性 %d/4", "%s版本", "工作译文" },
};

struct study_doc {
    const glossa_study *s;
    const glossa_states *states;
    const glossa_study_opts *opts;
    const struct words *w;
    struct glossa_doc *doc;
    int oom;
};

static void run(struct study_doc *sd, struct doc_block *b, int cell, const char *text)
{
    if (b && text)
        sd->oom |= glossa__doc_run(sd->doc, b, cell, RUN_PLAIN, text, strlen(text)) != 0;
}

static struct doc_block *add(struct study_doc *sd, enum doc_kind kind, const char *text)
{
    struct doc_block *b = glossa__doc_add(sd->doc, kind, text);
    if (!b)
        sd->oom = 1;
    return b;
}

/* A formatted paragraph of kind (the words' formats, data as arguments). */
static void addf(struct study_doc *sd, enum doc_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void addf(struct study_doc *sd, enum doc_kind kind, const char *fmt, ...)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sd->oom |= glossa__buf_vaddf(&b, fmt, ap) != 0;
    va_end(ap);
    if (!sd->oom)
        add(sd, kind, glossa__buf_str(&b));
    glossa__buf_release(&b);
}

static int state_wanted(const struct study_doc *sd, const glossa_state *st)
{
    return !sd->opts->state || strcasecmp(sd->opts->state, st->code) == 0;
}

/* The number of act id among its state's acts (1, 2, …: how the matrix
** and the list of acts studied refer to it), 0 when it is not one. */
static size_t act_ref(const struct study_doc *sd, const char *state, const char *id)
{
    const glossa_act *acts;
    size_t n = glossa_study_acts(sd->s, &acts), i, k = 0;
    for (i = 0; i < n; i++)
        if (strcmp(acts[i].state, state) == 0) {
            k++;
            if (strcmp(acts[i].id, id) == 0)
                return k;
        }
    return 0;
}

/* A cell: each act of the state that defines the row's notion by its
** number in the list of acts, and the relation: "1 =", "(2)" after it when
** it holds more than one definition; "—" for none. */
static void add_cell(struct study_doc *sd, struct doc_block *b, int cell,
                     const glossa_study_row *r, const char *state)
{
    size_t i, n = 0;
    for (i = 0; i < r->n_links; i++) {
        const glossa_study_link *k = &r->links[i];
        char ref[64];
        if (strcmp(k->state, state) != 0)
            continue;
        snprintf(ref, sizeof ref, k->definitions > 1 ? "%s%zu %s (%zu)" : "%s%zu %s",
                 n++ ? "; " : "", act_ref(sd, state, k->act_id), glossa_relation_mark(k->relation),
                 k->definitions);
        run(sd, b, cell, ref);
    }
    if (!n)
        run(sd, b, cell, "—");
}

/* The table of the rows of one kind; nothing when there are none. */
static void add_matrix(struct study_doc *sd, const char *kind, const char *heading)
{
    const glossa_study_row *rows;
    size_t n = glossa_study_rows(sd->s, &rows), i, j, shown = 0;
    struct doc_block *head = NULL;

    for (i = 0; i < n && !sd->oom; i++) {
        struct doc_block *b;
        int cell = 1;
        if (strcmp(rows[i].kind, kind) != 0 || !glossa_study_row_shown(&rows[i], sd->opts->state))
            continue;
        if (!shown++) {
            add(sd, DOC_TABLE_TITLE, heading);
            if (strcmp(kind, "notion") == 0)
                add(sd, DOC_NOTE, sd->w->working);
            head = add(sd, DOC_TABLE_HEAD, sd->w->concept);
            for (j = 0; j < glossa_states_count(sd->states); j++)
                if (state_wanted(sd, glossa_states_get(sd->states, j)))
                    run(sd, head, cell++, glossa_states_get(sd->states, j)->code);
            cell = 1;
        }
        b = add(sd, DOC_TABLE_ROW, NULL);
        if (rows[i].n) {
            run(sd, b, 0, rows[i].n);
            run(sd, b, 0, ". ");
        }
        run(sd, b, 0, rows[i].label);
        for (j = 0; j < glossa_states_count(sd->states); j++) {
            const glossa_state *st = glossa_states_get(sd->states, j);
            if (state_wanted(sd, st))
                add_cell(sd, b, cell++, &rows[i], st->code);
        }
    }
}

/* Per state: how many annex concepts its acts define, and which not. */
static void add_gaps(struct study_doc *sd)
{
    const glossa_study_row *rows;
    size_t n = glossa_study_rows(sd->s, &rows), i, j, k;

    add(sd, DOC_HEADING, sd->w->gaps);
    for (j = 0; j < glossa_states_count(sd->states) && !sd->oom; j++) {
        const glossa_state *st = glossa_states_get(sd->states, j);
        struct glossa_buf missing = GLOSSA_BUF_INIT;
        size_t annex = 0, defined = 0;
        if (!state_wanted(sd, st))
            continue;
        for (i = 0; i < n; i++) {
            int found = 0;
            if (strcmp(rows[i].kind, "annex") != 0)
                continue;
            annex++;
            for (k = 0; k < rows[i].n_links && !found; k++)
                found = strcmp(rows[i].links[k].state, st->code) == 0;
            if (found)
                defined++;
            else
                sd->oom |= glossa__buf_addf(&missing, "%s%s", missing.len ? ", " : "",
                                            rows[i].label) != 0;
        }
        if (missing.len)
            addf(sd, DOC_PARA, sd->w->gap_line, st->code, defined, annex,
                 glossa__buf_str(&missing));
        else
            addf(sd, DOC_PARA, sd->w->gap_all, st->code, defined, annex);
        glossa__buf_release(&missing);
    }
}

/* The pages an act was read at: "ru, the act's own text: URL". */
static void add_pages(struct study_doc *sd, struct doc_block *b, int cell, const glossa_act *a)
{
    size_t i;
    char who[512];
    for (i = 0; i < a->n_pages; i++) {
        const glossa_act_page *p = &a->pages[i];
        if (p->translation)
            snprintf(who, sizeof who, sd->w->translated, p->translation);
        run(sd, b, cell, i ? "; " : "");
        run(sd, b, cell, p->lang);
        run(sd, b, cell, ", ");
        run(sd, b, cell, p->translation ? who : sd->w->own_text);
        run(sd, b, cell, ": ");
        run(sd, b, cell, p->url);
    }
}

static void add_acts(struct study_doc *sd, int heading)
{
    const glossa_act *acts;
    size_t n = glossa_study_acts(sd->s, &acts), i, j;

    if (heading)
        add(sd, DOC_HEADING, sd->w->acts);
    for (j = 0; j < glossa_states_count(sd->states) && !sd->oom; j++) {
        const glossa_state *st = glossa_states_get(sd->states, j);
        size_t shown = 0;
        if (!state_wanted(sd, st))
            continue;
        addf(sd, DOC_TABLE_TITLE, "%s — %s", st->code, glossa_state_name(st, sd->w->lang));
        addf(sd, DOC_PARA, sd->w->authority, st->authority ? st->authority : sd->w->not_named);
        if (st->security_body)
            addf(sd, DOC_PARA, sd->w->security_body, st->security_body,
                 st->security_body_source ? st->security_body_source : "",
                 st->security_body_quote ? st->security_body_quote : "",
                 st->security_body_reliability, st->security_body_url ? st->security_body_url : "");
        else
            add(sd, DOC_PARA, sd->w->no_security_body);
        for (i = 0; i < n; i++) {
            struct doc_block *b;
            char defs[32];
            const char *title = glossa_act_title_in(&acts[i], sd->w->lang);
            if (strcmp(acts[i].state, st->code) != 0)
                continue;
            if (!shown++) {
                b = add(sd, DOC_TABLE_HEAD, sd->w->act);
                run(sd, b, 1, sd->w->number);
                run(sd, b, 2, sd->w->adopted);
                run(sd, b, 3, sd->w->edition);
                run(sd, b, 4, sd->w->definitions);
                run(sd, b, 5, sd->w->read_at);
            }
            snprintf(defs, sizeof defs, "%zu. ", shown);
            b = add(sd, DOC_TABLE_ROW, defs);
            run(sd, b, 0, title ? title : acts[i].id);
            snprintf(defs, sizeof defs, "%zu", acts[i].definitions);
            run(sd, b, 1, acts[i].number ? acts[i].number : "—");
            run(sd, b, 2, acts[i].adopted ? acts[i].adopted : "—");
            run(sd, b, 3, acts[i].version ? acts[i].version : "—");
            run(sd, b, 4, defs);
            add_pages(sd, b, 5, &acts[i]);
        }
        if (!shown)
            add(sd, DOC_PARA, sd->w->no_act);
    }
}

static void build(struct study_doc *sd, const void *unused)
{
    (void)unused;
    if (sd->opts->part == GLOSSA_STUDY_LAWS) {
        sd->doc->title = sd->w->laws_title;
        add(sd, DOC_TITLE, sd->w->laws_title);
        add_acts(sd, 0);
        return;
    }
    sd->doc->title = sd->w->title;
    add(sd, DOC_TITLE, sd->w->title);
    add(sd, DOC_PARA, sd->w->intro);
    add(sd, DOC_NOTE, sd->w->legend);
    add_matrix(sd, "annex", sd->w->annex);
    add(sd, DOC_NOTE, sd->w->reconstruction);
    add_matrix(sd, "statement", sd->w->statements);
    add_matrix(sd, "notion", sd->w->notions);
    add_gaps(sd);
    add_acts(sd, 1);
}

/* ---- one notion side by side (glossa compare) ---------------------------------------- */

static const char *relation_words(const struct words *w, const char *relation)
{
    return strcmp(relation, "same") == 0 ? w->rel_same : strcmp(relation, "narrower") == 0
         ? w->rel_narrower : strcmp(relation, "broader") == 0 ? w->rel_broader : w->rel_related;
}

static int lang_wanted(const struct study_doc *sd, const char *lang)
{
    return !sd->opts->langs || glossa_lang_in_list(lang, sd->opts->langs);
}

/* A national definition: who defines what and how it relates (a line), the
** quoted text, then where it stands (act and article, edition, translator,
** reliability, address). */
static void add_legal(struct study_doc *sd, const glossa_legal *l)
{
    char *act = glossa_legal_cite(l);
    struct doc_block *b;
    char part[512];

    addf(sd, DOC_ITEM, "%s — %s (%s): %s", l->state, l->term, l->lang,
         relation_words(sd->w, l->relation));
    add(sd, DOC_QUOTE, l->text);
    if (!act)
        sd->oom = 1;
    b = add(sd, DOC_ITEM, act);
    glossa__free(act);
    if (l->version) {
        run(sd, b, 0, "; ");
        snprintf(part, sizeof part, sd->w->edition_of, l->version);
        run(sd, b, 0, part);
    }
    run(sd, b, 0, "; ");
    if (l->translation)
        snprintf(part, sizeof part, sd->w->translated, l->translation);
    run(sd, b, 0, l->translation ? part : sd->w->own_text);
    run(sd, b, 0, "; ");
    snprintf(part, sizeof part, sd->w->reliability, l->reliability);
    run(sd, b, 0, part);
    run(sd, b, 0, "; ");
    run(sd, b, 0, l->url);
}

static void build_compare(struct study_doc *sd, const void *hit)
{
    const glossa_hit *h = hit;
    struct glossa_buf missing = GLOSSA_BUF_INIT;
    const char *label = h->id;
    size_t i, j, shown = 0;
    char title[600];

    for (i = 0; i < h->n_terms; i++)   /* the preferred term in the document's language */
        if (strcmp(h->terms[i].lang, sd->w->lang) == 0 && (!h->terms[i].status ||
            strcmp(h->terms[i].status, "preferred") == 0 || h->n_terms == 1)) {
            label = h->terms[i].text;
            break;
        }
    if (label == h->id && h->n_terms)
        label = h->terms[0].text;
    snprintf(title, sizeof title, sd->w->cmp_title, label);
    sd->doc->title = glossa__arena_strdup(sd->doc->arena, title);
    add(sd, DOC_TITLE, title);
    add(sd, DOC_SUBTITLE, h->id);
    if (h->n_definitions)
        add(sd, DOC_HEADING, h->annex ? sd->w->cmp_annex : sd->w->cmp_statement);
    for (i = 0; i < h->n_definitions; i++) {
        const glossa_definition *d = &h->definitions[i];
        const char *note = glossa_basis_note(d->basis);
        if (!lang_wanted(sd, d->lang))
            continue;
        addf(sd, DOC_ITEM, "%s:", d->lang);
        add(sd, DOC_QUOTE, d->text);
        addf(sd, DOC_ITEM, "%s%s%s%s", d->source ? d->source : "", note ? " (" : "",
             note ? note : "", note ? ")" : "");
    }
    add(sd, DOC_HEADING, sd->w->cmp_national);
    for (i = 0; i < h->n_legal; i++) {
        const glossa_legal *l = &h->legal[i];
        if (!lang_wanted(sd, l->lang) ||
            (sd->opts->state && strcasecmp(sd->opts->state, l->state) != 0))
            continue;
        shown++;
        add_legal(sd, l);
    }
    if (!shown)
        add(sd, DOC_PARA, sd->w->cmp_none);
    for (j = 0; j < glossa_states_count(sd->states); j++) {
        const glossa_state *st = glossa_states_get(sd->states, j);
        int found = 0;
        if (!state_wanted(sd, st))
            continue;
        for (i = 0; i < h->n_legal && !found; i++)
            found = strcmp(h->legal[i].state, st->code) == 0;
        if (!found)
            sd->oom |= glossa__buf_addf(&missing, "%s%s", missing.len ? ", " : "", st->code) != 0;
    }
    if (missing.len)
        addf(sd, DOC_PARA, sd->w->cmp_missing, glossa__buf_str(&missing));
    glossa__buf_release(&missing);
    add(sd, DOC_NOTE, sd->w->cmp_statutory);
}

/* sd ready for states and opts (NULL: the defaults), after the options'
** version is checked and their language found among the words. */
static int start(struct study_doc *sd, const glossa_states *states,
                 const glossa_study_opts *opts, glossa_error *err)
{
    static const glossa_study_opts defaults = GLOSSA_STUDY_OPTS_INIT;
    size_t i;

    memset(sd, 0, sizeof *sd);
    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_STUDY_OPTS_VERSION, "glossa_study_opts", err))
        return GLOSSA_EINPUT;
    sd->opts = opts ? opts : &defaults;
    sd->states = states;
    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        if (sd->opts->lang && strcmp(sd->opts->lang, words[i].lang) == 0)
            sd->w = &words[i];
    if (!sd->w)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "no study document in language '%s' (ru, zh or en)",
                                 sd->opts->lang ? sd->opts->lang : "");
    if (!states)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no member states");
    return 0;
}

/* Build with fn and write the document in opts->format. */
static int render(struct study_doc *sd, void (*fn)(struct study_doc *, const void *),
                  const void *arg, char **out, size_t *out_len, glossa_error *err)
{
    int rc;
    if (!(sd->doc = glossa__doc_new(sd->w->lang)))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    fn(sd, arg);
    if (sd->oom)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else
        rc = glossa__doc_write(sd->doc, sd->opts->format, out, out_len, err);
    glossa__doc_free(sd->doc);
    return rc;
}

int glossa_compare_render(const glossa_hit *h, const glossa_states *states,
                          const glossa_study_opts *opts, char **out, size_t *out_len,
                          glossa_error *err)
{
    struct study_doc sd;
    int rc;

    if ((rc = start(&sd, states, opts, err)))
        return rc;
    if (!h)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no concept or notion");
    return render(&sd, build_compare, h, out, out_len, err);
}

int glossa_study_render(const glossa_study *s, const glossa_states *states,
                        const glossa_study_opts *opts, char **out, size_t *out_len,
                        glossa_error *err)
{
    struct study_doc sd;
    int rc;

    if ((rc = start(&sd, states, opts, err)))
        return rc;
    if (!s)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no study");
    sd.s = s;
    return render(&sd, build, NULL, out, out_len, err);
}
