// System calls Swift's Glibc module does not export.
#ifndef PORTAL_SYSTEM_H
#define PORTAL_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int portal_exchange_paths(const char *a, const char *b);

#endif
