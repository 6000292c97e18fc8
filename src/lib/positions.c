/*
** positions.c — the member states' positions on proposed changes, kept in
** reviewable text files (the .txt files of glossary/positions), where each
** change stands (agreed by every party, blocked by an objection, pending, or
** withdrawn by the state that proposed it), and the rule that two agreed
** wordings of one concept are a conflict (glossa__status_conflicts, which
** consolidate.c calls before it writes anything).
**
** A line is: PROPOSAL CONCEPT STATE POSITION [HASH] [-- comment], POSITION one
** of agreed, objection, pending, withdrawn; HASH is the change's hash when the
** position was taken, so an agreement lapses when the wording is edited
** afterwards. The old form without the proposal (CONCEPT STATE POSITION
** [HASH]) is read when one proposal changes the concept (with a warning
** saying how to write it) and is an error when several do. "# parties: KZ CN
** …" names the states whose agreement is needed (default: the six
** signatories of the 2009 Agreement), each a member state (of the states
** data, when given); a position of a state that is no member, or of any
** other state, is an error. A line that is none of these is an error. Later
** lines win; a later file's position that overrides a different one of an
** earlier file on the same change is a warning naming both.
*/
#include "glossa_int.h"
#include "proposal_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_PARTIES "KZ CN KG RU TJ UZ"
#define MAX_POSITIONS 4096
#define LINE_FORM "PROPOSAL CONCEPT STATE agreed|objection|pending|withdrawn HASH [-- comment]"

struct position {
    char proposal[64], change[128], state[4], position[16], hash[20], comment[256];
    char why[200]; /* what is wrong with a malformed line, reported in order */
    const char *file;
    long line;
};

struct positions {
    struct position *items;
    size_t n;
    char parties[256];
    const char *parties_file; /* where the parties line was, NULL for the default */
    const glossa_states *states; /* the member states, or NULL: not checked */
    unsigned errors;
};

static int is_position(const char *w)
{
    return strcmp(w, "agreed") == 0 || strcmp(w, "objection") == 0 || strcmp(w, "pending") == 0 ||
           strcmp(w, "withdrawn") == 0;
}

/* Copy a field; 0, or -1 when it does not fit. */
static int field(char *to, size_t size, const char *from)
{
    size_t n = strlen(from);
    if (n >= size)
        return -1;
    memcpy(to, from, n + 1);
    return 0;
}

/* One line of a positions file: 1 a position (in *p), 0 blank or a comment,
** -1 malformed (why says how). */
static int parse_line(const char *line, struct position *p, char *why, size_t why_size)
{
    char f[6][128], body[1024];
    const char *s = line + strspn(line, " \t"), *comment = strstr(s, " -- ");
    size_t len = comment ? (size_t)(comment - s) : strcspn(s, "\r\n");
    const char *st;
    int n, old, bad;

    memset(p, 0, sizeof *p);
    if (*s == '\0' || *s == '\r' || *s == '\n' || *s == '#')
        return 0;
    snprintf(body, sizeof body, "%.*s", (int)(len < sizeof body ? len : sizeof body - 1), s);
    if (comment)
        snprintf(p->comment, sizeof p->comment, "%.*s", (int)strcspn(comment + 4, "\r\n"), comment + 4);
    n = sscanf(body, "%127s %127s %127s %127s %127s %127s", f[0], f[1], f[2], f[3], f[4], f[5]);
    old = n >= 3 && n <= 4 && is_position(f[2]);
    if (!old && !(n >= 4 && n <= 5 && is_position(f[3]))) {
        snprintf(why, why_size, "expected: %s", LINE_FORM);
        return -1;
    }
    st = old ? f[1] : f[2];
    if (strlen(st) != 2 || !isupper((unsigned char)st[0]) || !isupper((unsigned char)st[1])) {
        snprintf(why, why_size, "'%.20s' is not a state (an ISO 3166 code such as KZ or CN)", st);
        return -1;
    }
    bad = old ? field(p->change, sizeof p->change, f[0]) | (n == 4 ? field(p->hash, sizeof p->hash, f[3]) : 0)
              : field(p->proposal, sizeof p->proposal, f[0]) | field(p->change, sizeof p->change, f[1]) |
                    (n == 5 ? field(p->hash, sizeof p->hash, f[4]) : 0);
    if (bad) {
        snprintf(why, why_size, "a field is too long; expected: %s", LINE_FORM);
        return -1;
    }
    field(p->state, sizeof p->state, st); /* two letters */
    field(p->position, sizeof p->position, old ? f[2] : f[3]); /* one of the four words */
    return 1;
}

/* The parties named by a "# parties:" line, or NULL when line is none. */
static const char *parties_line(const char *line)
{
    const char *s = line + strspn(line, " \t");
    return strncmp(s, "# parties:", 10) == 0 ? s + 10 + strspn(s + 10, " ") : NULL;
}

static void set_parties(struct positions *ps, const char *list, const char *file)
{
    snprintf(ps->parties, sizeof ps->parties, "%.*s", (int)strcspn(list, "\r\n"), list);
    ps->parties_file = file;
}

/* Is state one of the space-separated parties? */
static int is_party(const char *parties, const char *state)
{
    size_t n = strlen(state);
    while (*parties) {
        size_t len = strcspn(parties, " ");
        if (len == n && strncmp(parties, state, n) == 0)
            return 1;
        parties += len;
        parties += strspn(parties, " ");
    }
    return 0;
}

/* "(parties: KZ CN …, from FILE's '# parties:' line)" for a message. */
static void parties_said(const struct positions *ps, char *out, size_t size)
{
    if (ps->parties_file)
        snprintf(out, size, "the parties are %s, from the '# parties:' line of %.300s",
                 ps->parties, ps->parties_file);
    else
        snprintf(out, size, "the parties are %s by default; a '# parties:' line names others",
                 ps->parties);
}

/* The next code of a '# parties:' line (from list) that is no member state,
** in code; returns where to go on, or NULL when there is none (or no states). */
static const char *non_member(const glossa_states *states, const char *list, char *code, size_t size)
{
    while (states && *(list += strspn(list, " \t"))) {
        size_t len = strcspn(list, " \t\r\n");
        if (!len)
            break;
        snprintf(code, size, "%.*s", (int)len, list);
        list += len;
        if (!glossa_states_find(states, code))
            return list;
    }
    return NULL;
}

#define NOT_MEMBER_PARTY "'%s' on the '# parties:' line is not a member state (the members are %s)"

/* Every code of a '# parties:' line must be a member state. */
static void check_parties(struct positions *ps, const char *list, const char *path, long lineno,
                          glossa_diag_fn fn, void *ud)
{
    char code[16];
    while ((list = non_member(ps->states, list, code, sizeof code))) {
        glossa__diag(fn, ud, GLOSSA_EINPUT, path, lineno, NOT_MEMBER_PARTY, code,
                     glossa_states_codes(ps->states));
        ps->errors++;
    }
}

static int read_positions(struct positions *ps, const char *path, glossa_diag_fn fn, void *ud,
                          glossa_error *err)
{
    char line[1024];
    long lineno = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return glossa__error_set(err, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO, path, 0, 0,
                                 "cannot open: %s", strerror(errno));
    while (fgets(line, sizeof line, f)) {
        struct position p;
        const char *parties = parties_line(line);
        int r;
        lineno++;
        if (parties) {
            set_parties(ps, parties, path);
            check_parties(ps, parties, path, lineno, fn, ud);
            continue;
        }
        if ((r = parse_line(line, &p, p.why, sizeof p.why)) == 0)
            continue;
        if (ps->n == MAX_POSITIONS) {
            fclose(f);
            return glossa__error_set(err, GLOSSA_EINPUT, path, lineno, 0, "too many positions");
        }
        p.file = path;
        p.line = lineno;
        ps->items[ps->n++] = p;
    }
    fclose(f);
    return 0;
}

/* The proposals that change concept id, "KZ-2026-5 and UZ-2026-5" (or with
** commas); returns how many, *only the one when there is one. */
static size_t proposals_of(const glossa_proposals *p, const char *id, char *list, size_t size,
                           const glossa_proposal_change **only)
{
    size_t i, n = 0, k = 0, len = 0;
    for (i = 0; i < p->n; i++)
        if (strcmp(p->changes[i].id, id) == 0 && n++ == 0 && only)
            *only = &p->changes[i];
    if (list)
        list[0] = '\0';
    for (i = 0; list && i < p->n; i++)
        if (strcmp(p->changes[i].id, id) == 0 && len < size)
            len += (size_t)snprintf(list + len, size - len, "%s%s", k++ == 0 ? "" : k == n ? " and " : ", ",
                                    p->changes[i].proposal);
    return n;
}

/* The change a position is on, or NULL when its proposal is not among p. */
static const glossa_proposal_change *change_of(const glossa_proposals *p, const char *proposal,
                                               const char *id)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        if (strcmp(p->changes[i].proposal, proposal) == 0 && strcmp(p->changes[i].id, id) == 0)
            return &p->changes[i];
    return NULL;
}

static int proposal_loaded(const glossa_proposals *p, const char *proposal)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        if (strcmp(p->changes[i].proposal, proposal) == 0)
            return 1;
    return 0;
}

/* Give every position its proposal (the old form: the one proposal that
** changes the concept), and report positions that cannot stand. */
static void resolve(struct positions *ps, const glossa_proposals *p, glossa_diag_fn fn, void *ud)
{
    char list[512], parties[700];
    size_t i;
    parties_said(ps, parties, sizeof parties);
    for (i = 0; i < ps->n; i++) {
        struct position *q = &ps->items[i];
        const glossa_proposal_change *only = NULL, *c = NULL;
        int ok = 1;
        if (q->why[0]) {
            glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line, "%s", q->why);
            ok = 0;
        } else if (!q->proposal[0]) {
            size_t n = proposals_of(p, q->change, list, sizeof list, &only);
            if (n == 1) {
                snprintf(q->proposal, sizeof q->proposal, "%s", only->proposal);
                glossa__diag(fn, ud, GLOSSA_WARNING, q->file, q->line,
                     "no proposal named; read as %s's, the one proposal changing '%s': write "
                     "'%s %s %s %s%s%s'", only->proposal, q->change, only->proposal, q->change,
                     q->state, q->position, q->hash[0] ? " " : "", q->hash);
            } else if (n > 1) {
                glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line,
                     "the line does not say which proposal it is on, and concept '%s' is changed by "
                     "%s: put the proposal first ('PROPOSAL %s %s %s HASH')",
                     q->change, list, q->change, q->state, q->position);
                ok = 0;
            }
        } else if (!(c = change_of(p, q->proposal, q->change)) && proposal_loaded(p, q->proposal)) {
            glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line, "proposal %s does not change concept '%s'",
                 q->proposal, q->change);
            ok = 0;
        } else if (c && strcmp(q->position, "withdrawn") == 0 && strcmp(c->state, q->state) != 0) {
            glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line,
                 "%s cannot withdraw %s: only %s, whose proposal it is, can", q->state, c->proposal,
                 c->state);
            ok = 0;
        }
        if (ok && ps->states && !glossa_states_find(ps->states, q->state)) {
            glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line, "%s is not a member state (the members are %s)",
                         q->state, glossa_states_codes(ps->states));
            ok = 0;
        } else if (ok && !is_party(ps->parties, q->state)) {
            glossa__diag(fn, ud, GLOSSA_EINPUT, q->file, q->line, "%s is not a party: %s", q->state, parties);
            ok = 0;
        }
        if (!ok) {
            ps->errors++;
            q->change[0] = '\0'; /* it stands for nothing */
        }
    }
}

/* A position of another file that overrides a different one of an earlier
** file on the same change: a warning at the one that wins, naming both. */
static void overrides(const struct positions *ps, glossa_diag_fn fn, void *ud)
{
    size_t i, j;
    for (i = 0; i < ps->n; i++) {
        const struct position *a = &ps->items[i], *b = NULL;
        for (j = i + 1; a->change[0] && !b && j < ps->n; j++)
            if (strcmp(ps->items[j].change, a->change) == 0 &&
                strcmp(ps->items[j].proposal, a->proposal) == 0 && strcmp(ps->items[j].state, a->state) == 0)
                b = &ps->items[j];
        if (b && strcmp(a->file, b->file) != 0 &&
            (strcmp(a->position, b->position) != 0 || strcmp(a->hash, b->hash) != 0))
            glossa__diag(fn, ud, GLOSSA_WARNING, b->file, b->line,
                         "%s's position on %s's change of '%s' (%s%s%s) overrides the one at %s:%ld (%s%s%s): "
                         "the files are read in name order and the later line wins",
                         b->state, b->proposal, b->change, b->position, b->hash[0] ? " " : "", b->hash,
                         a->file, a->line, a->position, a->hash[0] ? " " : "", a->hash);
    }
}

/* Append word to a space-separated list in the arena. */
static const char *list_add(struct glossa_arena *a, const char *list, const char *word)
{
    size_t n = list ? strlen(list) : 0, w = strlen(word);
    char *s = glossa__arena_alloc(a, n + w + 3);
    if (!s)
        return list;
    if (n) {
        memcpy(s, list, n);
        s[n++] = ' ';
    }
    memcpy(s + n, word, w + 1);
    return s;
}

/* The last position of state on change c, or NULL. */
static const struct position *last_of(const struct positions *ps, const glossa_proposal_change *c,
                                      const char *state)
{
    const struct position *last = NULL;
    size_t j;
    for (j = 0; j < ps->n; j++)
        if (strcmp(ps->items[j].change, c->id) == 0 && strcmp(ps->items[j].proposal, c->proposal) == 0 &&
            strcmp(ps->items[j].state, state) == 0)
            last = &ps->items[j];
    return last;
}

/* Where change c stands, in s. */
static void stand(struct glossa_status_report *r, const struct positions *ps,
                  const glossa_proposals *p, const glossa_proposal_change *c, glossa_change_status *s)
{
    const char *party = ps->parties;
    const struct position *own = last_of(ps, c, c->state);
    size_t j;
    memset(s, 0, sizeof *s);
    s->change = c;
    for (j = 0; j < p->n; j++)
        if (&p->changes[j] != c && strcmp(p->changes[j].id, c->id) == 0)
            s->competing = list_add(r->arena, s->competing, p->changes[j].proposal);
    while (*party) {
        char state[4] = "";
        const struct position *last;
        size_t len = strcspn(party, " ");
        snprintf(state, sizeof state, "%.*s", (int)(len < 3 ? len : 3), party);
        last = last_of(ps, c, state);
        if (last && strcmp(last->position, "agreed") == 0) {
            if (strcmp(last->hash, c->hash) == 0)
                s->agreed = list_add(r->arena, s->agreed, state);
            else
                s->lapsed = list_add(r->arena, s->lapsed, state);
        } else if (last && strcmp(last->position, "objection") == 0) {
            char obj[300];
            snprintf(obj, sizeof obj, "%s: %s", state, last->comment[0] ? last->comment : "(no comment)");
            s->objections = s->objections
                ? list_add(r->arena, list_add(r->arena, s->objections, ";"), obj)
                : glossa__arena_strdup(r->arena, obj);
        } else if (!last || strcmp(last->position, "withdrawn") != 0) {
            s->pending = list_add(r->arena, s->pending, state);
        }
        party += len;
        party += strspn(party, " ");
    }
    if (s->lapsed)
        s->pending = list_add(r->arena, s->pending ? s->pending : NULL, s->lapsed);
    s->status = own && strcmp(own->position, "withdrawn") == 0 ? "withdrawn"
              : s->objections                               ? "blocked"
              : s->pending                                  ? "pending"
                                                            : "agreed";
}

int glossa_status(const glossa_proposals *p, const glossa_states *states,
                  const char *const *position_files, size_t n, glossa_status_report **out,
                  glossa_diag_fn on_diag, void *userdata, glossa_error *err)
{
    struct positions ps;
    struct glossa_status_report *r;
    unsigned char *placed;
    size_t i, j;
    int rc = 0;

    memset(&ps, 0, sizeof ps);
    set_parties(&ps, DEFAULT_PARTIES, NULL);
    ps.states = states;
    ps.items = glossa__calloc(MAX_POSITIONS, sizeof *ps.items);
    placed = glossa__calloc(p->n ? p->n : 1, 1);
    r = glossa__calloc(1, sizeof *r);
    if (!ps.items || !placed || !r || !(r->arena = glossa__arena_new())) {
        glossa__free(ps.items);
        glossa__free(placed);
        glossa__free(r);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (i = 0; i < n && !rc; i++)
        rc = read_positions(&ps, position_files[i], on_diag, userdata, err);
    if (!rc) {
        resolve(&ps, p, on_diag, userdata);
        overrides(&ps, on_diag, userdata);
    }
    if (!rc && ps.errors)
        rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "%u problem%s in the positions",
                               ps.errors, ps.errors == 1 ? "" : "s");
    r->parties = glossa__arena_strdup(r->arena, ps.parties);
    r->items = glossa__arena_alloc(r->arena, (p->n ? p->n : 1) * sizeof *r->items);
    if (!rc && (!r->items || !r->parties))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    /* in the proposals' order, the changes of one concept together */
    for (i = 0; !rc && i < p->n; i++)
        for (j = i; !placed[i] && j < p->n; j++)
            if (!placed[j] && strcmp(p->changes[j].id, p->changes[i].id) == 0) {
                placed[j] = j > i; /* i itself last, so that the loop goes on */
                stand(r, &ps, p, &p->changes[j], &r->items[r->n++]);
            }
    glossa__free(ps.items);
    glossa__free(placed);
    if (rc) {
        glossa_status_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int glossa__status_conflicts(const glossa_status_report *r, glossa_diag_fn on_diag, void *userdata,
                             glossa_error *err)
{
    size_t i, j;
    unsigned conflicts = 0;
    for (i = 0; i < r->n; i++)
        for (j = i + 1; j < r->n; j++) {
            const glossa_change_status *a = &r->items[i], *b = &r->items[j];
            if (strcmp(a->status, "agreed") || strcmp(b->status, "agreed") ||
                strcmp(a->change->id, b->change->id) || !strcmp(a->change->hash, b->change->hash))
                continue;
            glossa__diag(on_diag, userdata, GLOSSA_EINPUT, a->change->file, a->change->line,
                 "conflict: two wordings of concept '%s' are both agreed: %s (%s, agreed by %s) and "
                 "%s (%s, agreed by %s); one must be withdrawn or objected to",
                 a->change->id, a->change->proposal, a->change->hash, a->agreed, b->change->proposal,
                 b->change->hash, b->agreed);
            conflicts++;
        }
    if (!conflicts)
        return 0;
    return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                             "%u conflict%s between agreed wordings; nothing written", conflicts,
                             conflicts == 1 ? "" : "s");
}

size_t glossa_status_count(const glossa_status_report *r)
{
    return r ? r->n : 0;
}

const glossa_change_status *glossa_status_get(const glossa_status_report *r, size_t i)
{
    return r && i < r->n ? &r->items[i] : NULL;
}

const char *glossa_status_parties(const glossa_status_report *r)
{
    return r ? r->parties : "";
}

void glossa_status_free(glossa_status_report *r)
{
    if (!r)
        return;
    glossa__arena_free(r->arena);
    glossa__free(r);
}

int glossa_position_change(const glossa_proposals *p, const char *proposal, const char *id,
                           const glossa_proposal_change **out, glossa_error *err)
{
    char list[512];
    size_t i, n = proposals_of(p, id, list, sizeof list, out);
    if (n == 0)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "no proposed change of concept '%s'", id);
    if (proposal) {
        for (i = 0; i < p->n; i++)
            if (strcmp(p->changes[i].id, id) == 0 && strcasecmp(p->changes[i].proposal, proposal) == 0) {
                *out = &p->changes[i];
                return 0;
            }
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "proposal %s does not change concept '%s' (%s %s)", proposal, id,
                                 n == 1 ? "only" : "it is changed by", list);
    }
    if (n > 1)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "concept '%s' is changed by %s: say which with --proposal", id, list);
    return 0;
}

/* A position in the form it is written. */
static int add_line(struct glossa_buf *out, const glossa_proposal_change *c, const char *state,
                    const char *position, const char *comment)
{
    return glossa__buf_addf(out, "%s %s %s %s %s%s%s\n", c->proposal, c->id, state, position, c->hash,
                            comment && *comment ? " -- " : "", comment ? comment : "");
}

int glossa_position_record(const char *positions_file, const glossa_proposals *p,
                           const glossa_states *states, const char *proposal,
                           const char *change_id, const char *state_given,
                           const char *position, const char *comment, char *recorded,
                           size_t recorded_size, glossa_error *err)
{
    struct glossa_buf out = GLOSSA_BUF_INIT;
    struct positions ps;
    const glossa_proposal_change *c = NULL;
    char line[1024], why[256], state[3], parties[700], code[16];
    FILE *f;
    long lineno = 0;
    int rc = 0, replaced = 0, refused = 0;

    if ((rc = glossa_position_change(p, proposal, change_id, &c, err)))
        return rc;
    if (!is_position(position))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "a position is agreed, objection, pending or withdrawn, not '%s'",
                                 position);
    if (strlen(state_given) != 2 || !isalpha((unsigned char)state_given[0]) ||
        !isalpha((unsigned char)state_given[1]))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "a state is an ISO 3166 code such as KZ or CN, not '%s'", state_given);
    state[0] = (char)toupper((unsigned char)state_given[0]);
    state[1] = (char)toupper((unsigned char)state_given[1]);
    state[2] = '\0';
    if (states && !glossa_states_find(states, state))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "%s is not a member state (the members are %s)",
                                 state, glossa_states_codes(states));
    if (strcmp(position, "withdrawn") == 0 && strcmp(state, c->state) != 0)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "%s cannot withdraw %s: only %s, whose proposal it is, can", state,
                                 c->proposal, c->state);
    if (comment && (strchr(comment, '\n') || strlen(comment) > 200))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "a comment is one line of up to 200 bytes");
    memset(&ps, 0, sizeof ps);
    set_parties(&ps, DEFAULT_PARTIES, NULL);
    f = fopen(positions_file, "r");
    if (!f && errno != ENOENT)
        return glossa__error_set(err, GLOSSA_EIO, positions_file, 0, 0, "cannot open: %s", strerror(errno));
    if (!f)
        rc = glossa__buf_addf(&out, "# positions of the Parties on proposed changes to the term base\n"
                                    "# parties: %s\n# %s\n", DEFAULT_PARTIES, LINE_FORM);
    while (f && !rc && fgets(line, sizeof line, f)) {
        struct position q;
        const char *list = parties_line(line);
        lineno++;
        if (list)
            set_parties(&ps, list, positions_file);
        if (list && non_member(states, list, code, sizeof code)) {
            rc = glossa__error_set(err, GLOSSA_EINPUT, positions_file, lineno, 0, NOT_MEMBER_PARTY, code,
                                   glossa_states_codes(states));
            refused = 1;
            break;
        }
        /* this state's earlier line on the change, in either form, is replaced */
        if (!list && parse_line(line, &q, why, sizeof why) == 1 && strcmp(q.change, c->id) == 0 &&
            strcmp(q.state, state) == 0 &&
            (q.proposal[0] ? strcmp(q.proposal, c->proposal) == 0
                           : proposals_of(p, c->id, NULL, 0, NULL) == 1)) {
            if (replaced++)
                continue;
            rc = add_line(&out, c, state, position, comment);
            continue;
        }
        rc = glossa__buf_adds(&out, line);
    }
    if (f)
        fclose(f);
    if (refused) {
        glossa__buf_release(&out);
        return rc;
    }
    if (!rc && !replaced)
        rc = add_line(&out, c, state, position, comment);
    if (rc) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    } else if (!is_party(ps.parties, state)) {
        parties_said(&ps, parties, sizeof parties);
        rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "%s is not a party: %s", state, parties);
    } else if (!(rc = glossa_write_file(positions_file, out.data, out.len, err)) && recorded) {
        snprintf(recorded, recorded_size, "%s %s %s %s %s", c->proposal, c->id, state, position, c->hash);
    }
    glossa__buf_release(&out);
    return rc;
}
