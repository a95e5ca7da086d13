/*
 * conv_api.h — the JSON routes of conversations on requests of both
 * families: notes and attachments (conv_api.c).
 *
 * Owns: the JSON shapes of notes and attachments in each family (Orange
 * Note and Attachment, TelecomX), their list queries and their errors.
 * Calls: conversation (every rule: who may read and write, internal
 * notes, the files), reply (the family's errors, the JSON body), http,
 * store (the rows conversation lends), config (the attachment caps and
 * the operator's name), log.  Never: SQL or a rule of its own: it turns
 * conversation.c's outcomes into the family's answers.
 */
#ifndef REQDESK_CONV_API_H
#define REQDESK_CONV_API_H

#include "http.h"

int  api_notes(struct req *r);
int  api_note_post(struct req *r);
int  api_files(struct req *r);
int  api_file_post(struct req *r);
int  api_file_get(struct req *r);

#endif
