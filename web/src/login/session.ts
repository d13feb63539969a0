import type { PasswordPolicyView } from '../lib/password-rules.ts';

export interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  roles: string[];
}

/** What `POST /api/auth/login` answers: the officer, without the password policy. */
export interface LoginAnswer {
  user: SessionUser;
}

/** What `GET /api/auth/session` answers: the officer and the policy the change form shows. */
export interface SessionAnswer {
  user: SessionUser;
  passwordPolicy: PasswordPolicyView;
}
