/** TODO(helper F): priorities — a body's priorities, publishing, acknowledging, the golden thread. */
export {};
