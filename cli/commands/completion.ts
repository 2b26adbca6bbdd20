/** Commands and options `slotpilot completion bash` completes. */
export const completionWords = {
  commands: [
    'token',
    'list',
    'show',
    'history',
    'slots',
    'start',
    'watch',
    'approve',
    'reject',
    'promote',
    'rollback',
    'cancel',
    'completion',
  ],
  options: [
    '--user',
    '--ttl',
    '--pipeline',
    '--status',
    '--top',
    '--since',
    '--cursor',
    '--stage',
    '--comment',
    '--reason',
    '--token',
    '--as',
    '--interval',
    '--json',
    '--help',
  ],
  statuses: [
    'Running',
    'WaitingForApproval',
    'Succeeded',
    'RolledBack',
    'Rejected',
    'Expired',
    'Superseded',
    'Canceled',
    'Failed',
  ],
} as const;

/**
 * A bash completion script for `slotpilot` (`source <(npx slotpilot completion bash)`):
 * commands first, then options, `--status` values and `completion` shells.
 */
export function bashCompletion(): string {
  const { commands, options, statuses } = completionWords;
  return `# bash completion for slotpilot; load with: source <(npx slotpilot completion bash)
_slotpilot() {
  local cur prev
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --status) COMPREPLY=( $(compgen -W "${statuses.join(' ')}" -- "$cur") ); return ;;
    completion) COMPREPLY=( $(compgen -W "bash" -- "$cur") ); return ;;
    token) COMPREPLY=( $(compgen -W "issue" -- "$cur") ); return ;;
  esac
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${commands.join(' ')}" -- "$cur") )
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "${options.join(' ')}" -- "$cur") )
  fi
}
complete -F _slotpilot slotpilot
`;
}
