/*
** positions.c — the member states' positions on proposed changes, kept in
** reviewable text files (the .txt files of glossary/positions), and where each change
** stands: agreed by every party, blocked by an objection, or pending.
**
** A line is: CHANGE STATE POSITION [HASH] [-- comment], POSITION one of
** agreed, objection, pending; HASH is the change's hash when the position
** was taken, so an agreement lapses when the wording is edited afterwards.
** "# parties: KZ CN …" names the states whose agreement is needed (default:
** the six signatories of the 2009 Agreement). Later lines win.
*/
#include "glossa_int.h"
#include "proposal_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_PARTIES "KZ CN KG RU TJ UZ"
#define MAX_POSITIONS 4096

struct position {
    char change[128], state[4], position[16], hash[20], comment[256];
};

struct positions {
    struct position *items;
    size_t n;
    char parties[256];
};

static void report(glossa_diag_fn fn, void *ud, const char *file, long line, const char *msg)
{
    glossa_error d;
    d.code = GLOSSA_WARNING;
    snprintf(d.file, sizeof d.file, "%s", file);
    d.line = line;
    d.column = 0;
    snprintf(d.msg, sizeof d.msg, "%s", msg);
    if (fn)
        fn(&d, ud);
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
        char *comment, *s = line;
        int n;
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        while (isspace((unsigned char)*s))
            s++;
        if (strncmp(s, "# parties:", 10) == 0) {
            snprintf(ps->parties, sizeof ps->parties, "%s", s + 10 + strspn(s + 10, " "));
            continue;
        }
        if (*s == '\0' || *s == '#')
            continue;
        memset(&p, 0, sizeof p);
        comment = strstr(s, " -- ");
        if (comment) {
            *comment = '\0';
            snprintf(p.comment, sizeof p.comment, "%s", comment + 4);
        }
        n = sscanf(s, "%127s %3s %15s %19s", p.change, p.state, p.position, p.hash);
        if (n < 3 || (strcmp(p.position, "agreed") && strcmp(p.position, "objection") &&
                      strcmp(p.position, "pending"))) {
            report(fn, ud, path, lineno,
                   "expected: CHANGE STATE agreed|objection|pending [HASH] [-- comment]; line ignored");
            continue;
        }
        if (ps->n == MAX_POSITIONS) {
            fclose(f);
            return glossa__error_set(err, GLOSSA_EINPUT, path, lineno, 0, "too many positions");
        }
        ps->items[ps->n++] = p;
    }
    fclose(f);
    return 0;
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

int glossa_status(const glossa_proposals *p, const char *const *position_files, size_t n,
                  glossa_status_report **out, glossa_diag_fn on_diag, void *userdata,
                  glossa_error *err)
{
    struct positions ps;
    struct glossa_status_report *r;
    size_t i, j;
    int rc = 0;

    memset(&ps, 0, sizeof ps);
    snprintf(ps.parties, sizeof ps.parties, "%s", DEFAULT_PARTIES);
    ps.items = glossa__calloc(MAX_POSITIONS, sizeof *ps.items);
    r = glossa__calloc(1, sizeof *r);
    if (!ps.items || !r || !(r->arena = glossa__arena_new())) {
        glossa__free(ps.items);
        glossa__free(r);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (i = 0; i < n && !rc; i++)
        rc = read_positions(&ps, position_files[i], on_diag, userdata, err);
    r->parties = glossa__arena_strdup(r->arena, ps.parties);
    r->items = glossa__arena_alloc(r->arena, (p->n ? p->n : 1) * sizeof *r->items);
    if (!rc && (!r->items || !r->parties))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    for (i = 0; !rc && i < p->n; i++) {
        glossa_change_status *s = &r->items[r->n++];
        const glossa_proposal_change *c = &p->changes[i];
        const char *party = ps.parties;
        memset(s, 0, sizeof *s);
        s->change = c;
        while (*party) {
            char state[4] = "";
            const struct position *last = NULL;
            size_t len = strcspn(party, " ");
            snprintf(state, sizeof state, "%.*s", (int)(len < 3 ? len : 3), party);
            for (j = 0; j < ps.n; j++)
                if (strcmp(ps.items[j].change, c->id) == 0 && strcmp(ps.items[j].state, state) == 0)
                    last = &ps.items[j];
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
            } else {
                s->pending = list_add(r->arena, s->pending, state);
            }
            party += len;
            party += strspn(party, " ");
        }
        if (s->lapsed)
            s->pending = list_add(r->arena, s->pending ? s->pending : NULL, s->lapsed);
        s->status = s->objections ? "blocked" : s->pending ? "pending" : "agreed";
    }
    glossa__free(ps.items);
    if (rc) {
        glossa_status_free(r);
        return rc;
    }
    *out = r;
    return 0;
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

int glossa_position_record(const char *positions_file, const glossa_proposals *p,
                           const char *change_id, const char *state, const char *position,
                           const char *comment, glossa_error *err)
{
    struct glossa_buf out = GLOSSA_BUF_INIT;
    const glossa_proposal_change *c = NULL;
    char line[1024];
    FILE *f;
    size_t i;
    int rc = 0, replaced = 0;

    for (i = 0; i < p->n; i++)
        if (strcmp(p->changes[i].id, change_id) == 0)
            c = &p->changes[i];
    if (!c)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "no proposed change of concept '%s'", change_id);
    if (strcmp(position, "agreed") && strcmp(position, "objection") && strcmp(position, "pending"))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "a position is agreed, objection or pending, not '%s'", position);
    if (strlen(state) != 2 || !isupper((unsigned char)state[0]) || !isupper((unsigned char)state[1]))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "a state is an ISO 3166 code such as KZ or CN, not '%s'", state);
    if (comment && (strchr(comment, '\n') || strlen(comment) > 200))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "a comment is one line of up to 200 bytes");
    f = fopen(positions_file, "r");
    if (!f && errno != ENOENT)
        return glossa__error_set(err, GLOSSA_EIO, positions_file, 0, 0, "cannot open: %s", strerror(errno));
    if (!f)
        rc = glossa__buf_addf(&out, "# positions of the Parties on proposed changes to the term base\n"
                                    "# parties: %s\n# CHANGE STATE agreed|objection|pending HASH -- comment\n",
                              DEFAULT_PARTIES);
    while (f && !rc && fgets(line, sizeof line, f)) {
        char ch[128] = "", st[4] = "";
        if (line[0] != '#' && sscanf(line, "%127s %3s", ch, st) == 2 && strcmp(ch, change_id) == 0 &&
            strcmp(st, state) == 0) {
            if (replaced++)
                continue;
            rc = glossa__buf_addf(&out, "%s %s %s %s%s%s\n", change_id, state, position, c->hash,
                                  comment && *comment ? " -- " : "", comment ? comment : "");
            continue;
        }
        rc = glossa__buf_adds(&out, line);
    }
    if (f)
        fclose(f);
    if (!rc && !replaced)
        rc = glossa__buf_addf(&out, "%s %s %s %s%s%s\n", change_id, state, position, c->hash,
                              comment && *comment ? " -- " : "", comment ? comment : "");
    if (rc)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else
        rc = glossa_write_file(positions_file, out.data, out.len, err);
    glossa__buf_release(&out);
    return rc;
}
