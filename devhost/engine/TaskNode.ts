/**
 * A .NET-Task-like completion cell used by the episode interpreter: continuations run inline
 * when it completes (DTFx's synchronous task scheduler), in registration order.
 */
export class TaskNode {
  done = false;
  private readonly continuations: (() => void)[] = [];

  complete(): void {
    if (this.done) return;
    this.done = true;
    for (const c of this.continuations.splice(0)) c();
  }

  then(continuation: () => void): void {
    if (this.done) continuation();
    else this.continuations.push(continuation);
  }

  static completed(): TaskNode {
    const t = new TaskNode();
    t.done = true;
    return t;
  }
}
