package dev.replsim.storage;

/**
 * What executing a statement did to one row: its image before and after, null where the row did
 * not exist (an insert has no before image, a delete no after image). Row-based replication ships
 * these images; the leader also uses the before image to hide a write that is not yet visible.
 */
public record RowEffect(String key, Row before, Row after) {}
