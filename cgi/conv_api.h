/*
 * conv_api.h — the JSON routes of conversations on requests of both
 * families: notes and attachments (conv_api.c).
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
